/**
 * Nunjucks templates compiled once per Eleventy run. Eleventy 3.1 builds a
 * new Nunjucks template for every paginated page (10,000 compiles for
 * 10,000 articles; measured in docs/development.md, "Templates and Eleventy"). This plugin
 * keeps Eleventy's own Nunjucks environment — with every filter, shortcode,
 * tag and global the config and its plugins add — and only caches the
 * compiled template per source, for as long as the run's config lives.
 */
import type { UserConfig } from "@11ty/eleventy";
import { nunjucksEngineOf } from "./nunjucks-engine.ts";

type Render = (data: object) => Promise<string>;

export default function compileOnce(eleventyConfig: UserConfig): void {
  const engine = nunjucksEngineOf(eleventyConfig);
  // By file, then by source: Eleventy hands the same source string for every
  // page, whose hash V8 keeps; a key joining path and source would be a new
  // 5 KB string to hash on each of 13,000 calls.
  const compiled = new Map<string, Map<string, Render>>();
  // https://www.11ty.dev/docs/languages/custom/#overriding-an-existing-template-language
  eleventyConfig.addExtension("njk", {
    // Eleventy's own cache would keep this run's environment for the life of the process.
    compileOptions: { cache: false, permalink: true },
    compile(source, inputPath) {
      let bySource = compiled.get(inputPath);
      if (bySource === undefined) {
        bySource = new Map();
        compiled.set(inputPath, bySource);
      }
      let render = bySource.get(source);
      if (render === undefined) {
        const { nunjucks, environment } = engine();
        const template = new nunjucks.Template(source, environment, inputPath, true);
        render = (data) =>
          new Promise((resolve, reject) => {
            template.render(data, (error, result) => (error === null ? resolve(result ?? "") : reject(error)));
          });
        bySource.set(source, render);
      }
      return render;
    },
  });
}
