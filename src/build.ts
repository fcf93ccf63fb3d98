/**
 * The pipeline: validate + ingest -> archive -> render -> publish. Nothing is
 * written until every seed has parsed; the site is written beside the output
 * folder and swapped in only when complete. A rebuild reuses what the last
 * one left in `.cache/`: seeds are parsed only when their bytes changed, a
 * page is rendered only when what it shows changed (unchanged pages are
 * hard-linked from the published site), and when nothing changed at all
 * nothing is written.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { type Archive, buildArchive } from "./archive/build-archive.ts";
import { checkImages } from "./ingest/check-images.ts";
import type { SeedOptions } from "./ingest/parse-seed.ts";
import { type IngestResult, type SeedFile, type SeedOutcome, ingestSeeds } from "./ingest/read-seeds.ts";
import { cacheDirFor, changedFiles, readBuildState, siteStamps, writeBuildState } from "./incremental/build-state.ts";
import { codeVersion } from "./incremental/code-version.ts";
import { digestJson } from "./incremental/digest.ts";
import { ImageCache, photoStamps } from "./incremental/image-cache.ts";
import { RecordCache } from "./incremental/record-cache.ts";
import type { Problem } from "./model/problems.ts";
import { type PhaseTiming, Progress } from "./util/progress.ts";
import { lockOutput } from "./output/output-lock.ts";
import { checkOutputFolder, discardStaging, newBuildId, prepareStaging, publish } from "./output/publish.ts";
import type { ArticleRecord } from "./model/record.ts";
import type { RenderedSite } from "./render/render-site.ts";
import { STATIC_TEMPLATES } from "./render/static-pages.ts";
import type { UrlContext } from "./render/urls.ts";
import { type SiteConfig, loadSiteConfig } from "./model/site-config.ts";
import { UsageError } from "./util/usage-error.ts";

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
  onWait?: (owner: number) => void;
}

export interface BuildResult {
  records: ArticleRecord[];
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
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error").length;
    super(`${errors} error${errors === 1 ? "" : "s"} in seeds; nothing was written`);
    this.name = "BuildError";
  }
}

export interface Validation {
  ingest: IngestResult;
  archive: Archive;
  /** Errors and warnings of every seed, in file order. */
  problems: Problem[];
}

export interface ValidateOptions {
  progress?: Progress;
  cached?: (seed: SeedFile) => SeedOutcome | undefined;
  /** Seeds that would be skipped are errors instead. */
  strict?: boolean;
}

/** The validation pass: every seed parsed (or taken from `cached`) and checked, the archive assembled, nothing written. */
export async function validate(seedsDir: string, site: SiteConfig, how: ValidateOptions = {}): Promise<Validation> {
  const { progress = new Progress(false), cached, strict = false } = how;
  const seeds = await stat(seedsDir).catch(() => null);
  if (seeds === null || !seeds.isDirectory()) {
    throw new UsageError(
      `--seeds ${seedsDir}: ${seeds === null ? "no such folder" : "not a folder"}; give the folder that holds your .txt and .md seeds`,
    );
  }
  const options = seedOptions(site);
  const ingest = await progress.phase("read and parse seeds", 0, () =>
    ingestSeeds(seedsDir, options, { onSeed: () => progress.tick(), ...(cached === undefined ? {} : { cached }) }),
  );
  const archive = await progress.phase("archive", 0, () =>
    buildArchive(ingest.articles, {
      timeZone: site.timeZone,
      sectionNames: site.sections,
      pageSize: site.pageSize,
      moreInSection: site.moreInSection,
    }),
  );
  const images = await checkImages(ingest.articles, seedsDir);
  const seedProblems = strict
    ? ingest.problems.map((p): Problem => (p.skipped === true ? { ...p, severity: "error" } : p))
    : ingest.problems;
  return { ingest, archive, problems: [...seedProblems, ...images, ...archive.problems] };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  await checkOutputFolder(outDir, options.seedsDir);
  const cacheDir = cacheDirFor(outDir);
  const release = await lockOutput(cacheDir, outDir, {
    wait: options.wait ?? true,
    ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
  });
  try {
    // Checked again: the folder may have changed while this build waited for the lock.
    await checkOutputFolder(outDir, options.seedsDir);
    return await buildLocked(options, outDir, cacheDir);
  } finally {
    await release();
  }
}

async function buildLocked(options: BuildOptions, outDir: string, cacheDir: string): Promise<BuildResult> {
  const progress = new Progress(options.quiet !== true && process.stderr.isTTY);
  const site = loadSiteConfig(options.site);
  const urls: UrlContext = { siteUrl: site.siteUrl, pathPrefix: normalizeBase(options.base ?? "/") };
  const code = await codeVersion();
  const recordCache = await RecordCache.open(cacheDir, digestJson([code, seedOptions(site)]));
  const { ingest, archive, problems } = await validate(options.seedsDir, site, {
    progress,
    cached: (seed) => recordCache.get(seed),
    strict: options.strict ?? false,
  });
  if (problems.some((p) => p.severity === "error")) throw new BuildError(problems);

  const result = {
    records: archive.records,
    problems,
    seedFiles: ingest.files.length,
    skipped: countSkipped(problems),
    siteUrl: site.siteUrl,
    pages: archive.records.length + archive.listPages.length + STATIC_TEMPLATES.length,
    timings: progress.timings,
  };
  const photos = await photoStamps(
    archive.records.flatMap((record) => record.photo?.image ?? []),
    options.seedsDir,
  );
  const inputsKey = digestJson([code, site, urls, ingest.files, photos]);
  const previous = await readBuildState(cacheDir);
  // A site changed by hand since the last build: what changed is made again.
  const changed = previous === null ? null : changedFiles(previous.files, await siteStamps(outDir));
  if (previous?.inputsKey === inputsKey && changed?.size === 0) return { ...result, pagesRendered: 0, upToDate: true };

  // Rendering code is loaded only when there is something to render.
  const { processImages, renderSite } = await import("./render/render-site.ts");
  const buildId = newBuildId();
  const staging = await prepareStaging(outDir, cacheDir, buildId);
  const imageCache = await ImageCache.open(cacheDir);
  let rendered: RenderedSite;
  let published: Awaited<ReturnType<typeof publish>>;
  try {
    const images = await progress.phase("images", 0, () =>
      processImages(archive, { seedsDir: options.seedsDir, urls, cache: imageCache, code }, staging, problems),
    );
    rendered = await renderSite(archive, {
      views: { archive, markdownTrees: ingest.markdownTrees, imagesByFile: images, site, urls },
      code,
      staging,
      outDir,
      previous: previous === null || changed === null ? null : { state: previous, changed },
      progress,
    });
    published = await progress.phase("publish", 0, () => publish(staging, outDir, cacheDir, buildId));
  } catch (error) {
    await discardStaging(staging, cacheDir);
    throw error;
  }
  const { pagesRendered, ...state } = rendered;
  await writeBuildState(cacheDir, { inputsKey, ...state, files: await siteStamps(outDir) });
  await Promise.all([recordCache.save(ingest.files, ingest.parsed), imageCache.save()]);
  await published.removed;
  return { ...result, pagesRendered, upToDate: false };
}

/** Seeds left out: each skipped seed has one problem that says so. */
export function countSkipped(problems: readonly Problem[]): number {
  return new Set(problems.filter((p) => p.skipped === true && p.severity === "warning").map((p) => p.file)).size;
}

function seedOptions(site: SiteConfig): SeedOptions {
  return { defaultSection: site.defaultSection, timeZone: site.timeZone, sectionNames: site.sections };
}

/** `archive` -> `/archive/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}
