/**
 * The Eleventy configuration, loaded by Eleventy as any project's is: by
 * `npm run build` through `src/render/run-eleventy.ts`, which adds the
 * archive's data, and by Eleventy's own CLI
 * (`npx tsx node_modules/@11ty/eleventy/cmd.cjs`), which renders the
 * templates without articles. Filters, shortcodes and plugins added here
 * reach every template.
 */
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import compileOnce from "./src/render/eleventy/compile-once.ts";
import renderOnce from "./src/render/eleventy/render-once.ts";
import archiveFilters from "./src/render/eleventy/filters.ts";
import { loadSiteConfig } from "./src/model/site-config.ts";

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default function (eleventyConfig: UserConfig): void {
  // Absolute, so a build started from any folder finds them. The output
  // folder is the caller's: `--out` for a build, `_site` for Eleventy's CLI.
  eleventyConfig.setInputDirectory(here("./templates"));
  eleventyConfig.setIncludesDirectory("_includes");
  eleventyConfig.setTemplateFormats(["njk"]);
  // Seed text is data: every `{{ }}` is escaped unless a template says `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  // displayDate, url (always with the base path), langAttr.
  eleventyConfig.addPlugin(archiveFilters);
  // Each template compiled once per run, not once per paginated page.
  eleventyConfig.addPlugin(compileOnce);
  // `{% renderOnce %}`: masthead and footer rendered once per run, not on every page.
  eleventyConfig.addPlugin(renderOnce);
  // `npm run serve` builds again in one process after a template is edited: Eleventy must re-read them.
  eleventyConfig.setUseTemplateCache(false);
  // https://www.11ty.dev/docs/copy/ — CSS, wordmark, icons and the search script as they are.
  eleventyConfig.addPassthroughCopy({ [here("./public")]: "/" });
  // The Khmer word splitter is the build's (`src/model/`) and the search page's: published beside search.js.
  eleventyConfig.addPassthroughCopy({ [here("./src/model/khmer-words.js")]: "/khmer-words.js" });
  // What Eleventy's own CLI renders with; a build adds the archive's data over it.
  eleventyConfig.addGlobalData("site", loadSiteConfig());
  eleventyConfig.addGlobalData("stats", { articles: 0, undated: 0, newest: null, oldest: null });
  for (const name of ["articles", "listPages", "sections", "archiveLinks"]) {
    eleventyConfig.addGlobalData(name, []);
  }
  eleventyConfig.addGlobalData("search", { shards: [], filters: { section: [], author: [], year: [] } });
}
