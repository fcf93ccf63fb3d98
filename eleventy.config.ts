/**
 * Thin Eleventy config: templates in `templates/`, static files from `public/`
 * copied as they are, filters from `src/render`. `src/render/run-eleventy.ts`
 * applies it and hands in the article data (https://www.11ty.dev/docs/programmatic/);
 * it is imported rather than loaded by path so TypeScript runs the same under
 * tsx and vitest.
 */
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { displayDate } from "./src/render/format-date.ts";
import { withBase } from "./src/render/urls.ts";

// Absolute, so builds started from any working directory find them.
const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export interface ConfigureOptions {
  /** Deployment base path, `/` or `/some/path/`. */
  pathPrefix: string;
}

export default function configure(eleventyConfig: UserConfig, options: ConfigureOptions): void {
  eleventyConfig.setInputDirectory(here("./templates"));
  eleventyConfig.setIncludesDirectory("_includes");
  eleventyConfig.setTemplateFormats(["njk"]);
  // Seed text is data: every `{{ }}` is escaped unless a template says `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  // https://www.11ty.dev/docs/copy/ — CSS, wordmark and icons as they are.
  eleventyConfig.addPassthroughCopy({ [here("./public")]: "/" });
  eleventyConfig.addFilter("displayDate", displayDate);
  // Eleventy's compile cache is process-wide: compiled templates keep the
  // filters of the first build, so a second build in one process (tests,
  // `npm run serve`) with another `--base` would get the first one's links.
  eleventyConfig.setUseTemplateCache(false);
  eleventyConfig.addFilter("url", (url: string) => withBase(url, options.pathPrefix));
}
