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

export default function configure(eleventyConfig: UserConfig): void {
  eleventyConfig.setInputDirectory(here("./templates"));
  eleventyConfig.setIncludesDirectory("_includes");
  eleventyConfig.setTemplateFormats(["njk"]);
  // Seed text is data: every `{{ }}` is escaped unless a template says `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  // https://www.11ty.dev/docs/copy/ — CSS, wordmark and icons as they are.
  eleventyConfig.addPassthroughCopy({ [here("./public")]: "/" });
  eleventyConfig.addFilter("displayDate", displayDate);
  // Our own `url` filter, registered as a plugin so it replaces Eleventy's
  // (whose URL validation dominated build time). It reads the base path from
  // the page's data, not from this closure: Eleventy's compiled-template
  // cache is process-wide, so a later build in the same process (tests,
  // `npm run serve`) may render with filters registered by an earlier one.
  eleventyConfig.addPlugin((config: UserConfig) => {
    config.addFilter("url", function (this: { ctx?: { basePath?: string } }, url: string) {
      return withBase(url, this.ctx?.basePath ?? "/");
    });
  });
}
