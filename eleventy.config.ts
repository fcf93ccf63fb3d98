/**
 * Thin Eleventy config: templates in `templates/`, static files from `public/`
 * copied as they are, filters from `src/render`. `src/render/run-eleventy.ts`
 * applies it and hands in the article data (https://www.11ty.dev/docs/programmatic/);
 * it is imported rather than loaded by path so TypeScript runs the same under
 * tsx and vitest.
 */
import { fileURLToPath } from "node:url";
import type { NunjucksEngineEvent, UserConfig } from "@11ty/eleventy";
import { displayDate } from "./src/render/format-date.ts";
import { withBase } from "./src/render/urls.ts";

// Absolute, so builds started from any working directory find them.
const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** The templates rendered once per build, not per article or list page. */
const STATIC_TEMPLATES = ["404.njk", "about.njk", "search.njk"];

export default function configure(eleventyConfig: UserConfig, options = { staticPages: true }): void {
  eleventyConfig.setInputDirectory(here("./templates"));
  eleventyConfig.setIncludesDirectory("_includes");
  eleventyConfig.setTemplateFormats(["njk"]);
  // Seed text is data: every `{{ }}` is escaped unless a template says `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  if (options.staticPages) {
    // https://www.11ty.dev/docs/copy/ — CSS, wordmark and icons as they are.
    eleventyConfig.addPassthroughCopy({ [here("./public")]: "/" });
  } else {
    for (const name of STATIC_TEMPLATES) eleventyConfig.ignores.add(here(`./templates/${name}`));
  }
  compileNunjucksOnce(eleventyConfig);
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

/**
 * Eleventy 3.1 builds a new Nunjucks template for every paginated page, so
 * a template paginating over 10,000 articles was compiled 10,000 times (most
 * of the render time). This override compiles each template and permalink
 * once, in the environment Eleventy configured (filters, includes,
 * autoescape), and lets Eleventy cache the result.
 */
function compileNunjucksOnce(eleventyConfig: UserConfig): void {
  let engine: NunjucksEngineEvent | undefined;
  eleventyConfig.on("eleventy.engine.njk", (event) => {
    engine = event;
  });
  eleventyConfig.addExtension("njk", {
    compileOptions: { cache: true, permalink: true },
    compile(source, inputPath) {
      if (engine === undefined) throw new Error("internal: Eleventy's Nunjucks environment is not set up");
      const template = new engine.nunjucks.Template(source, engine.environment, inputPath, true);
      return (data) =>
        new Promise((resolve, reject) => {
          template.render(data, (error, result) => (error === null ? resolve(result) : reject(error)));
        });
    },
  });
}
