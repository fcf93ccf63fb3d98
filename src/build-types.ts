/** What `build()` takes, gives and throws: the library's interface, shared by the CLI and tests. */
import type { ArticleRecord } from "./model/record.ts";
import type { Problem } from "./model/problems.ts";
import type { SiteConfig } from "./model/site-config.ts";
import type { PhaseTiming } from "./util/progress.ts";

export interface BuildOptions {
  /** Folder of `.txt` and `.md` seeds. */
  seedsDir: string;
  /** Folder the site is published to; replaced as a whole. */
  outDir: string;
  /** Deployment base path, e.g. `/archive/`; `/` for a site at the domain root. */
  base?: string;
  /** Settings overriding `site.config.json` and the environment. */
  site?: Partial<SiteConfig>;
  quiet?: boolean;
  /** Seeds that cannot be read as articles stop the build instead of being skipped with a warning. */
  strict?: boolean;
  /** When another build holds the output folder: wait for it (default) or throw `OutputBusyError`. */
  wait?: boolean;
  /** Called once when this build starts waiting for another, with that build's PID. */
  onWait?: (owner: number | null) => void;
  /** Another Eleventy config file than the project's `eleventy.config.ts` (which may name other templates). */
  eleventyConfig?: string;
  /** Worker threads that parse seeds and render pages (default: one per core but one, at least one, at most four); 0 does all in the build's own thread. */
  workers?: number;
  /** Folder of the site's own files copied into it as they are (`CNAME`, …); default `static`, optional. */
  staticDir?: string;
  /** Also publish every record in one SQLite file, `data/archive.sqlite`. */
  sqlite?: boolean;
  /**
   * Called once the seeds have parsed, with the number of articles and of
   * seeds parsed by this build (not found in the record cache), and once
   * the build knows how many pages it renders: the command line tunes the
   * heap by them.
   */
  onParsed?: (articles: number, parsed: number) => void;
  onPlanned?: (pagesToRender: number) => void;
}

export interface BuildResult {
  /**
   * The archive's records, as the build holds them: an article of more than
   * one paragraph holds only its first in `body` (and no `markdown`), its
   * whole body being in the record cache. Empty when the build found every
   * seed as the last build read it and nothing else changed (`upToDate`):
   * it then reads no article.
   */
  records: ArticleRecord[];
  /** Articles in the archive. */
  articles: number;
  /** Warnings only: a build with errors throws `BuildError`. */
  problems: Problem[];
  seedFiles: number;
  /** Seed files left out because they cannot be read as articles. */
  skipped: number;
  /** The absolute origin the site's canonical links, feeds and sitemap use. */
  siteUrl: string;
  /** Pages the site has: articles, lists, and the about, search and 404 pages. */
  pages: number;
  /** Pages rendered by this build; the others were unchanged. */
  pagesRendered: number;
  /** Nothing had changed since the last build, so nothing was written. */
  upToDate: boolean;
  /** How long each phase took. */
  timings: PhaseTiming[];
}

/** The build stopped before writing anything because seeds have errors. */
export class BuildError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error").length;
    super(`${errors} error${errors === 1 ? "" : "s"} in seeds; nothing was written`);
    this.name = "BuildError";
    this.problems = problems;
  }
}
