/** Renders the templates with Eleventy, paginating over the article and list data handed in here. */
import Eleventy from "@11ty/eleventy";
import configure from "../../eleventy.config.ts";
import type { SiteConfig } from "../site-config.ts";
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
  /** Deployment base path, `/` or `/some/path/`. */
  pathPrefix: string;
  quiet: boolean;
}

export async function runEleventy(run: EleventyRun): Promise<void> {
  const eleventy = new Eleventy(undefined, run.outDir, {
    quietMode: run.quiet,
    configPath: "",
    pathPrefix: run.pathPrefix,
    config(config) {
      configure(config, { staticPages: run.staticPages });
      // Read by the `url` filter.
      config.addGlobalData("basePath", run.pathPrefix);
      config.addGlobalData("articles", run.articles);
      config.addGlobalData("listPages", run.listPages);
      config.addGlobalData("sections", run.sections);
      config.addGlobalData("archiveLinks", run.archiveLinks);
      config.addGlobalData("site", run.site);
      config.addGlobalData("stats", run.stats);
      config.addGlobalData("searchShards", run.searchShards);
    },
  });
  if (run.quiet) eleventy.disableLogger();
  await eleventy.write();
}
