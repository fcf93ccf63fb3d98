/**
 * Thin Eleventy config: templates in `templates/`, static files from `public/`
 * copied as they are, filters from `src/render`. Article data is handed in by
 * `src/render/run-eleventy.ts`; see https://www.11ty.dev/docs/programmatic/
 */
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { displayDate } from "./src/render/format-date.ts";

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default function (eleventyConfig: UserConfig): void {
  // Seed text is data: every `{{ }}` is escaped unless a template says `| safe`.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  // https://www.11ty.dev/docs/copy/ — CSS, wordmark and icons as they are.
  eleventyConfig.addPassthroughCopy({ [here("./public")]: "/" });
  eleventyConfig.addFilter("displayDate", displayDate);
}

export const config = {
  // Absolute, so builds started from any working directory find the templates.
  dir: { input: here("./templates"), includes: "_includes", data: "_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
