/**
 * The pipeline: validate + ingest -> archive -> render -> publish. Nothing is
 * written until every seed has parsed; the site is written beside the output
 * folder and swapped in only when complete.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildArchive } from "./archive/build-archive.ts";
import { contentByFile, ingestSeeds } from "./ingest/read-seeds.ts";
import type { Problem } from "./problems.ts";
import type { ArticleRecord } from "./record.ts";
import { renderArticles } from "./render/rendered-article.ts";
import { runEleventy } from "./render/run-eleventy.ts";
import { type SiteConfig, loadSiteConfig } from "./site-config.ts";

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
}

export interface BuildResult {
  records: ArticleRecord[];
  /** Warnings only: a build with errors throws `BuildError`. */
  problems: Problem[];
  seedFiles: number;
}

/** The build stopped before writing anything because seeds have errors. */
export class BuildError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error").length;
    super(`${errors} error${errors === 1 ? "" : "s"} in seeds; nothing was written`);
    this.name = "BuildError";
  }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const site = loadSiteConfig(options.site);
  const ingest = await ingestSeeds(options.seedsDir, { defaultSection: site.defaultSection, timeZone: site.timeZone });
  const archive = buildArchive(ingest.seeds, site.timeZone);
  const problems = [...ingest.problems, ...archive.problems];
  if (problems.some((p) => p.severity === "error")) throw new BuildError(problems);

  const articles = renderArticles(archive.records, contentByFile(ingest.seeds));
  const outDir = path.resolve(options.outDir);
  const staging = `${outDir}.building-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await runEleventy({
      articles,
      site,
      outDir: staging,
      pathPrefix: normalizeBase(options.base ?? "/"),
      quiet: options.quiet ?? false,
    });
    await mkdir(path.join(staging, "data"), { recursive: true });
    await writeFile(path.join(staging, "data", "articles.json"), `${JSON.stringify(archive.records, null, 2)}\n`);
    await publish(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { records: archive.records, problems, seedFiles: ingest.fileCount };
}

/** `archive` -> `/archive/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** Swaps the finished staging folder in place of the output folder. */
async function publish(staging: string, outDir: string): Promise<void> {
  const previous = `${outDir}.previous-${process.pid}`;
  await rm(previous, { recursive: true, force: true });
  await rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, outDir);
  await rm(previous, { recursive: true, force: true });
}
