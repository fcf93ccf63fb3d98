/**
 * The filters the archive's templates use, as an Eleventy plugin: added
 * with `addFilter`, so they reach every template language, like any filter
 * a site adds in its config (https://www.11ty.dev/docs/filters/).
 */
import type { UserConfig } from "@11ty/eleventy";
import { detectLanguage } from "../../model/language.ts";
import { displayDate, plainDate } from "../format-date.ts";
import { withBase } from "../urls.ts";
import { nunjucksEngineOf } from "./nunjucks-engine.ts";

export default function archiveFilters(eleventyConfig: UserConfig): void {
  const pathPrefix = eleventyConfig.pathPrefix;
  // `2019-04-24T10:19:00+07:00` -> `24 April 2019`, in the archive's time zone.
  eleventyConfig.addFilter("displayDate", (iso: string | null) => displayDate(iso));
  eleventyConfig.addFilter("plainDate", (iso: string | null) => plainDate(iso));
  // Replaces Eleventy's `url` filter, which leaves a link equal to the base
  // path unprefixed (under `--base /national/`, the National section's
  // `/national/` would stay `/national/`): here every site URL gets the base.
  eleventyConfig.addFilter("url", (url: string) => withBase(url, pathPrefix));
  // `<h1{{ headline | langAttr }}>`: the attribute ` lang="km"` when the text is Khmer, else nothing,
  // so Khmer text, and only it, is marked in a page of English. A filter, not a macro: it is used a
  // dozen times a page, and a macro call costs a frame each.
  const engine = nunjucksEngineOf(eleventyConfig);
  eleventyConfig.addFilter("langAttr", (text: string | null) => {
    const { SafeString } = engine().nunjucks.runtime;
    return new SafeString(text !== null && detectLanguage([text]) === "km" ? ' lang="km"' : "");
  });
}
