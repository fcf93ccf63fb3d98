/**
 * The Nunjucks environment and compiled templates of one build, shared by
 * all of its Eleventy runs. Eleventy 3.1 builds a new Nunjucks template for
 * every paginated page (10,000 compiles for 10,000 articles), and its
 * compile cache keeps each run's environment, and with it the run's page
 * data, alive for the life of the process. Here each template is compiled
 * once per build and nothing outlives the build.
 */
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { displayDate } from "./format-date.ts";
import { withBase } from "./urls.ts";

export type RenderTemplate = (data: object) => Promise<string>;

const INCLUDES = fileURLToPath(new URL("../../templates/_includes/", import.meta.url));

export class NunjucksTemplates {
  readonly #environment: nunjucks.Environment;
  readonly #compiled = new Map<string, RenderTemplate>();

  constructor() {
    // Seed text is data: every `{{ }}` is escaped unless a template says `| safe`.
    this.#environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(INCLUDES), {
      autoescape: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.#environment.addFilter("displayDate", displayDate);
    // The base path comes from the page's data, so one environment serves any `--base`.
    this.#environment.addFilter("url", function (this: { ctx?: { basePath?: string } }, url: string) {
      return withBase(url, this.ctx?.basePath ?? "/");
    });
  }

  /** A render function for a template's source (a page body, a layout or a permalink). */
  compile(source: string, inputPath: string): RenderTemplate {
    const key = `${inputPath}\0${source}`;
    let render = this.#compiled.get(key);
    if (render === undefined) {
      const template = new nunjucks.Template(source, this.#environment, inputPath, true);
      render = (data) =>
        new Promise((resolve, reject) => {
          template.render(data, (error, result) => (error === null ? resolve(result ?? "") : reject(error)));
        });
      this.#compiled.set(key, render);
    }
    return render;
  }
}
