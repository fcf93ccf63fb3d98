/** Renders the templates with Eleventy, paginating over the article and list data handed in here. */
import Eleventy from "@11ty/eleventy";
import configure from "../../eleventy.config.ts";
import type { SiteConfig } from "../model/site-config.ts";
import type { NunjucksTemplates } from "./nunjucks-templates.ts";
import type { ArticleView } from "./article-view.ts";
import type { ListPageView } from "./list-view.ts";
import type { Link } from "./summary.ts";

export interface EleventyRun {
  articles: readonly ArticleView[];
  listPages: readonly ListPageView[];
  /** Section navigation. */
  sections: readonly Link[];
  /** Year archives, newest first, then the undated list. */
  archiveLinks: readonly Link[];
  site: SiteConfig;
  /** Site-relative folders of the search index shards, newest year first; the search page merges them. */
  searchShards: readonly string[];
  /** Number of articles, for the about page. */
  stats: { articles: number; undated: number; oldest: string | null; newest: string | null };
  outDir: string;
  /**
   * Whether this run also writes the pages that are not articles or lists
   * (about, search, 404) and copies `public/`: a build renders in several
   * runs, and only one of them does.
   */
  staticPages: boolean;
  /** Shared by the runs of one build. */
  templates: NunjucksTemplates;
  /** Deployment base path, `/` or `/some/path/`. */
  pathPrefix: string;
}

export async function runEleventy(run: EleventyRun): Promise<void> {
  // Eleventy's process-wide compile cache keeps each run's configuration
  // alive, and with it whatever global data was added: the pages' data is
  // handed over through this holder and dropped when the run ends.
  const pages: Pick<EleventyRun, "articles" | "listPages"> = { articles: run.articles, listPages: run.listPages };
  const eleventy = new Eleventy(undefined, run.outDir, {
    // The build's progress line is the only per-build output: Eleventy's
    // line per written page (13,000 at 10k articles, naming the staging folder) is not.
    quietMode: true,
    configPath: "",
    pathPrefix: run.pathPrefix,
    config(config) {
      configure(config, { staticPages: run.staticPages, templates: run.templates });
      // Read by the `url` filter.
      config.addGlobalData("basePath", run.pathPrefix);
      config.addGlobalData("articles", () => pages.articles);
      config.addGlobalData("listPages", () => pages.listPages);
      config.addGlobalData("sections", run.sections);
      config.addGlobalData("archiveLinks", run.archiveLinks);
      config.addGlobalData("site", run.site);
      config.addGlobalData("stats", run.stats);
      config.addGlobalData("searchShards", run.searchShards);
    },
  });
  eleventy.disableLogger();
  try {
    await eleventy.write();
  } finally {
    pages.articles = [];
    pages.listPages = [];
  }
}
