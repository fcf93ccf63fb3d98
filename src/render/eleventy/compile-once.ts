/**
 * Nunjucks templates compiled once per Eleventy run. Eleventy 3.1 builds a
 * new Nunjucks template for every paginated page (10,000 compiles for
 * 10,000 articles; measured in the README's "Templates" note). This plugin
 * keeps Eleventy's own Nunjucks environment — with every filter, shortcode,
 * tag and global the config and its plugins add — and only caches the
 * compiled template per source, for as long as the run's config lives.
 */
import type { UserConfig } from "@11ty/eleventy";
import { nunjucksEngineOf } from "./nunjucks-engine.ts";

type Render = (data: object) => Promise<string>;

export default function compileOnce(eleventyConfig: UserConfig): void {
  const engine = nunjucksEngineOf(eleventyConfig);
  const compiled = new Map<string, Render>();
  // https://www.11ty.dev/docs/languages/custom/#overriding-an-existing-template-language
  eleventyConfig.addExtension("njk", {
    // Eleventy's own cache would keep this run's environment for the life of the process.
    compileOptions: { cache: false, permalink: true },
    compile(source, inputPath) {
      const key = `${inputPath}\0${source}`;
      let render = compiled.get(key);
      if (render === undefined) {
        const { nunjucks, environment } = engine();
        const template = new nunjucks.Template(source, environment, inputPath, true);
        render = (data) =>
          new Promise((resolve, reject) => {
            template.render(data, (error, result) => (error === null ? resolve(result ?? "") : reject(error)));
          });
        compiled.set(key, render);
      }
      return render;
    },
  });
}
