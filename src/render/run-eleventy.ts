/** Renders the templates with Eleventy, paginating over the article data handed in here. */
import Eleventy from "@11ty/eleventy";
import configure from "../../eleventy.config.ts";
import type { SiteConfig } from "../site-config.ts";
import type { RenderedArticle } from "./rendered-article.ts";

export interface EleventyRun {
  articles: readonly RenderedArticle[];
  site: SiteConfig;
  outDir: string;
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
      configure(config);
      config.addGlobalData("articles", run.articles);
      config.addGlobalData("site", run.site);
    },
  });
  if (run.quiet) eleventy.disableLogger();
  await eleventy.write();
}
