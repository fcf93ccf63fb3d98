/**
 * Thin Eleventy config: templates in `templates/`, static files from `public/`
 * copied as they are, Nunjucks from `src/render/nunjucks-templates.ts`. `src/render/run-eleventy.ts`
 * applies it and hands in the article data (https://www.11ty.dev/docs/programmatic/);
 * it is imported rather than loaded by path so TypeScript runs the same under
 * tsx and vitest.
 */
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import type { NunjucksTemplates } from "./src/render/nunjucks-templates.ts";
import { STATIC_TEMPLATES } from "./src/render/static-pages.ts";

// Absolute, so builds started from any working directory find them.
const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export interface ConfigureOptions {
  /** Render the about, search and 404 pages and copy `public/` (one run of a build does). */
  staticPages: boolean;
  /** The build's Nunjucks environment and compiled templates; they render every `.njk`. */
  templates: NunjucksTemplates;
}

export default function configure(eleventyConfig: UserConfig, options: ConfigureOptions): void {
  eleventyConfig.setInputDirectory(here("./templates"));
  eleventyConfig.setIncludesDirectory("_includes");
  eleventyConfig.setTemplateFormats(["njk"]);
  // Eleventy keeps template files' text process-wide; `npm run serve` builds
  // again in the same process after a template is edited, so it must re-read.
  eleventyConfig.setUseTemplateCache(false);
  if (options.staticPages) {
    // https://www.11ty.dev/docs/copy/ — CSS, wordmark and icons as they are.
    eleventyConfig.addPassthroughCopy({ [here("./public")]: "/" });
  } else {
    for (const name of STATIC_TEMPLATES) eleventyConfig.ignores.add(here(`./templates/${name}`));
  }
  // https://www.11ty.dev/docs/languages/custom/#overriding-an-existing-template-language:
  // `.njk` pages, layouts and permalinks render through the build's own
  // environment (filters, includes, autoescape). Eleventy's cache may keep
  // the compiled functions: they hold that environment, not page data.
  eleventyConfig.addExtension("njk", {
    compileOptions: { cache: false, permalink: true },
    compile: (source, inputPath) => options.templates.compile(source, inputPath),
  });
}
