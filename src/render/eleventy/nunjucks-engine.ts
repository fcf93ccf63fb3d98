/**
 * Eleventy's own Nunjucks environment, which it announces with the
 * `eleventy.engine.njk` event before any template compiles: plugins that
 * compile or render templates themselves use it, so every filter,
 * shortcode and global a config adds still reaches those templates.
 */
import type { UserConfig } from "@11ty/eleventy";
import type nunjucks from "nunjucks";

export interface NunjucksEngine {
  nunjucks: typeof nunjucks;
  environment: nunjucks.Environment;
}

/** Returns a getter of the environment, which throws if Eleventy has not created one yet. */
export function nunjucksEngineOf(eleventyConfig: UserConfig): () => NunjucksEngine {
  let engine: NunjucksEngine | null = null;
  eleventyConfig.on("eleventy.engine.njk", (created) => {
    engine = created;
  });
  return () => {
    if (engine === null) throw new Error("internal: Eleventy created no Nunjucks environment");
    return engine;
  };
}
