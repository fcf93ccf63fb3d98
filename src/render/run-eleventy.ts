/** Renders the templates with Eleventy, paginating over the article data handed in here. */
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
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

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export async function runEleventy(run: EleventyRun): Promise<void> {
  const eleventy = new Eleventy(`${PROJECT_ROOT}templates`, run.outDir, {
    quietMode: run.quiet,
    configPath: `${PROJECT_ROOT}eleventy.config.ts`,
    pathPrefix: run.pathPrefix,
    config(config) {
      config.addGlobalData("articles", run.articles);
      config.addGlobalData("site", run.site);
    },
  });
  if (run.quiet) eleventy.disableLogger();
  await eleventy.write();
}
