/**
 * `{% renderOnce "partials/x.njk", key… %}`: renders an include once per
 * Eleventy run for each distinct key and reuses the HTML on every later
 * page. For the parts every page shares (masthead, footer), which
 * otherwise cost a loop over every section and every year on each of
 * 13,000 pages. The partial may read only what is the same on every page
 * of a build (the global data) and the keys it is given.
 */
import type { ShortcodeThis, UserConfig } from "@11ty/eleventy";
import { nunjucksEngineOf } from "./nunjucks-engine.ts";

export default function renderOnce(eleventyConfig: UserConfig): void {
  const engine = nunjucksEngineOf(eleventyConfig);
  const rendered = new Map<string, string>();
  eleventyConfig.addShortcode("renderOnce", function (this: ShortcodeThis, name: string, ...keys: unknown[]) {
    const key = JSON.stringify([name, ...keys]);
    let html = rendered.get(key);
    if (html === undefined) {
      // Rendered by the same environment as the page, autoescape on: the shortcode's output is marked safe.
      html = engine().environment.render(name, this.ctx ?? {});
      rendered.set(key, html);
    }
    return html;
  });
}
