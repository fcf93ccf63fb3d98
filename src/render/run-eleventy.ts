/**
 * Renders the templates with Eleventy, loading the project's
 * `eleventy.config.ts` as Eleventy loads any config, and handing in the
 * archive's data for the templates to paginate over.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { UserConfig } from "@11ty/eleventy";
import type { SiteConfig } from "../model/site-config.ts";
import type { ArticleView } from "./article-view.ts";
import type { ListPageView } from "./list-view.ts";
import type { StaticFile } from "./static-files.ts";
import type { SearchPageData } from "./search-filters.ts";
import { STATIC_TEMPLATES } from "./static-pages.ts";
import type { SectionLink } from "./navigation.ts";
import type { Link } from "./summary.ts";

/** The project's config; a build may name another (a site's own, or a test's). */
export const ELEVENTY_CONFIG = fileURLToPath(new URL("../../eleventy.config.ts", import.meta.url));

export interface EleventyRun {
  articles: readonly ArticleView[];
  listPages: readonly ListPageView[];
  /** The masthead's sections (`navigation.ts`). */
  sections: readonly Link[];
  /** Every section with its article count, for the sections page. */
  allSections: readonly SectionLink[];
  /** Year archives, newest first, then the undated list. */
  archiveLinks: readonly Link[];
  site: SiteConfig;
  /** The search index's shards and filter values, for the search page. */
  search: SearchPageData;
  /** Number of articles, for the about page. */
  stats: { articles: number; undated: number; oldest: string | null; newest: string | null };
  outDir: string;
  /**
   * Whether this run also renders the pages that are not articles or lists
   * (about, search, 404): a build renders in several runs, and only one of them does.
   */
  staticPages: boolean;
  /** The site's own files (`static/`), copied by the run that renders the static pages. */
  staticFiles: readonly StaticFile[];
  /** Deployment base path, `/` or `/some/path/`. */
  pathPrefix: string;
  /** Eleventy config file, which names the templates folder; defaults to the project's. */
  configPath?: string | undefined;
}

export async function runEleventy(run: EleventyRun): Promise<void> {
  // Eleventy's process-wide caches may keep each run's configuration alive,
  // and with it whatever global data was added: the pages' data is handed
  // over through this holder and dropped when the run ends.
  const pages: Pick<EleventyRun, "articles" | "listPages"> = { articles: run.articles, listPages: run.listPages };
  // A plugin, so it runs after the config file and its data replaces the file's defaults.
  const archiveData = (config: UserConfig): void => {
    // A build prints its own summary: Eleventy's warnings that a filter took
    // over 8 % of a run (any filter called on every page of 1,000 does) are noise to its user.
    config.benchmarks?.config?.setIsVerbose(false);
    config.addGlobalData("articles", () => pages.articles);
    config.addGlobalData("listPages", () => pages.listPages);
    config.addGlobalData("sections", run.sections);
    config.addGlobalData("allSections", run.allSections);
    config.addGlobalData("archiveLinks", run.archiveLinks);
    config.addGlobalData("site", run.site);
    config.addGlobalData("stats", run.stats);
    config.addGlobalData("search", run.search);
    const templates = config.directories.input;
    if (!run.staticPages) for (const name of STATIC_TEMPLATES) config.ignores.add(path.join(templates, name));
    else for (const { source, target } of run.staticFiles) config.addPassthroughCopy({ [source]: target });
  };
  const eleventy = new Eleventy(undefined, run.outDir, {
    // The build's progress line is the only per-build output: Eleventy's
    // line per written page (13,000 at 10k articles, naming the staging folder) is not.
    quietMode: true,
    configPath: run.configPath ?? ELEVENTY_CONFIG,
    pathPrefix: run.pathPrefix,
    config: (config) => config.addPlugin(archiveData),
  });
  eleventy.disableLogger();
  try {
    await eleventy.write();
  } finally {
    pages.articles = [];
    pages.listPages = [];
  }
}
