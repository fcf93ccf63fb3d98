/**
 * The pipeline: validate + ingest -> archive -> render -> publish. Nothing is
 * written until every seed has parsed; the site is written beside the output
 * folder and swapped in only when complete. A rebuild reuses what the last
 * one left in `.ppp-archive-cache/<output name>/` beside the output folder:
 * seeds are parsed only when their bytes (or crawl URL) changed, a
 * page is rendered only when what it shows changed (unchanged pages are
 * hard-linked from the published site), and when nothing changed at all
 * nothing is written.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import {
  cacheDirFor,
  changedFiles,
  readBuildState,
  siteStamps,
  spareSharesMost,
  spareStamps,
  stampDifferences,
  stampsOf,
  writeBuildState,
} from "./incremental/build-state.ts";
import { codeVersion, configVersion } from "./incremental/code-version.ts";
import { digestJson } from "./incremental/digest.ts";
import { ImageCache, photoStamps } from "./incremental/image-cache.ts";
import { RecordCache } from "./incremental/record-cache.ts";
import { type Problem, countSkipped } from "./model/problems.ts";
import { findStaticFiles, handAddedFiles } from "./render/static-files.ts";
import { type PhaseTiming, Progress } from "./util/progress.ts";
import { lockOutput } from "./output/output-lock.ts";
import { checkOutputFolder } from "./output/check-output.ts";
import { removeAgainAtExit, removeOnExit } from "./output/interrupt.ts";
import { deleteUnusedSites, discardSpare, discardStaging, prepareStaging, publish, recover } from "./output/publish.ts";
import type { ArticleRecord } from "./model/record.ts";
import type { RenderedSite } from "./render/render-site.ts";
import { type RenderPool, startRenderWorkers } from "./render/start-render-workers.ts";
import { STATIC_TEMPLATES } from "./render/static-pages.ts";
import { type UrlContext, normalizeBase } from "./render/urls.ts";
import { type SiteConfig, loadSiteConfig } from "./model/site-config.ts";
import { defaultWorkers } from "./util/default-workers.ts";
import { useLeanHeap } from "./util/lean-heap.ts";
import { seedOptions, validate } from "./validate.ts";

/** Problems with a seed's image, whose photo is then not encoded. */
const IMAGE_PROBLEMS: ReadonlySet<string> = new Set([
  "imageNotFound",
  "imageOutside",
  "imageNotAFile",
  "imageUndecodable",
  "imageTooLarge",
]);

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

export async function build(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  const cacheDir = cacheDirFor(outDir);
  await checkOutputFolder(outDir, options.seedsDir, cacheDir);
  const release = await lockOutput(cacheDir, outDir, {
    wait: options.wait ?? true,
    ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
  });
  try {
    // Checked again: the folder may have changed while this build waited for the lock.
    await checkOutputFolder(outDir, options.seedsDir, cacheDir);
    await recover(outDir, cacheDir);
    return await buildLocked(options, outDir, cacheDir);
  } finally {
    await release();
  }
}

async function buildLocked(options: BuildOptions, outDir: string, cacheDir: string): Promise<BuildResult> {
  // As the command line bounds --workers: more threads than cores only cost memory and time.
  const workers = Math.min(options.workers ?? defaultWorkers(), availableParallelism());
  useLeanHeap();
  // Render threads start once the seeds have parsed (`startRenderWorkers`) and end with the build.
  const render: { pool: RenderPool | null } = { pool: null };
  try {
    return await buildWith(options, outDir, cacheDir, workers, render);
  } finally {
    await render.pool?.close();
  }
}

async function buildWith(
  options: BuildOptions,
  outDir: string,
  cacheDir: string,
  workers: number,
  render: { pool: RenderPool | null },
): Promise<BuildResult> {
  const progress = new Progress(options.quiet !== true && process.stderr.isTTY);
  const site = loadSiteConfig(options.site);
  const urls: UrlContext = { siteUrl: site.siteUrl, pathPrefix: normalizeBase(options.base ?? "/") };
  const { code, recordCache } = await progress.phase("read cache", 0, async () => {
    const config = options.eleventyConfig;
    // Another Eleventy config and the templates beside it shape the output as the project's do.
    const code =
      config === undefined
        ? await codeVersion()
        : digestJson([await codeVersion(), await configVersion(config, [options.seedsDir, outDir])]);
    return { code, recordCache: await RecordCache.open(cacheDir, digestJson([code, seedOptions(site)])) };
  });
  const { ingest, archive, problems } = await validate(options.seedsDir, site, {
    progress,
    cached: (seed) => recordCache.get(seed),
    strict: options.strict ?? false,
    workers,
    onParsed: (articles) => {
      useLeanHeap(articles);
      render.pool = startRenderWorkers(workers, articles);
    },
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
  const staticDir = options.staticDir ?? "static";
  const statics = await findStaticFiles(staticDir, Object.keys(site.sections), options.seedsDir);
  problems.push(...statics.problems);
  const inputsKey = digestJson([code, site, urls, ingest.files, photos, statics.stamps]);
  const last = await progress.phase("check last build", 0, async () => {
    const state = await readBuildState(cacheDir);
    if (state === null) return null;
    const published = siteStamps(outDir);
    // A site changed by hand since the last build: what changed is made again.
    return { state, published, changed: changedFiles(state.files, published) };
  });
  const byHand = last === null ? [] : [...last.changed].filter((file) => last.state.files[file] === undefined);
  problems.push(...handAddedFiles(byHand, outDir, staticDir, options.seedsDir));
  if (last?.state.inputsKey === inputsKey && last.changed.size === 0) {
    // A killed build's site folder goes, the spare site stays.
    const spare = last.state.spare === undefined ? [] : [last.state.spare.buildId];
    await (
      await deleteUnusedSites(outDir, cacheDir, spare)
    ).deleting;
    return { ...result, pagesRendered: 0, upToDate: true };
  }

  // The parsed records are cached for the next build while this one renders
  // (they do not depend on whether it succeeds), not after it.
  const recordsSaved = recordCache.save(ingest.files, ingest.parsed);
  recordsSaved.catch(() => undefined);
  // Rendering code is loaded only when there is something to render.
  const [{ renderSite }, { encodePhotos }, { globalsKey }] = await Promise.all([
    import("./render/render-site.ts"),
    import("./render/encode-photos.ts"),
    import("./incremental/render-plan.ts"),
  ]);
  const imageWarned = new Set(problems.filter((p) => IMAGE_PROBLEMS.has(p.code)).map((p) => p.file));
  // The site the last build replaced becomes this build's staging folder
  // when this build renders the same navigation and that site still shares
  // most files with the published one (else it is deleted beside the build).
  const globals = globalsKey(archive, code, site, urls);
  const spare =
    last !== null && last.state.spare !== undefined && last.state.globalsKey === globals
      ? { id: last.state.spare.buildId, stamps: spareStamps(last.state), published: last.published }
      : null;
  const reuse = spare !== null && spareSharesMost(spare.stamps, spare.published) ? spare : null;
  const staging = await prepareStaging(outDir, cacheDir, reuse?.id ?? null);
  staging.discarded.catch(() => undefined);
  const keepStaging = removeOnExit(staging.path);
  const imageCache = await ImageCache.open(cacheDir);
  let rendered: RenderedSite;
  let published: Awaited<ReturnType<typeof publish>>;
  try {
    const photos = await progress.phase("images", 0, () =>
      encodePhotos(
        archive,
        { seedsDir: options.seedsDir, urls, cache: imageCache, code },
        staging.path,
        imageWarned,
        last === null
          ? null
          : { dir: outDir, unchanged: (file) => last.published[file] !== undefined && !last.changed.has(file) },
      ),
    );
    problems.push(...photos.problems);
    rendered = await renderSite(archive, {
      views: { archive, imagesByFile: photos.images, site, urls },
      code,
      globalsKey: globals,
      staging: staging.path,
      outDir,
      previous: last,
      reused:
        reuse !== null && staging.reused
          ? { spare: reuse.stamps, published: reuse.published, placed: new Set(photos.files) }
          : null,
      progress,
      ...(options.eleventyConfig === undefined ? {} : { eleventyConfig: options.eleventyConfig }),
      renderPool: render.pool,
      staticFiles: statics.files,
    });
    // The replaced site is kept for the next build when its files are known.
    published = await progress.phase("publish", 0, () =>
      publish(staging, outDir, cacheDir, last !== null, keepStaging),
    );
  } catch (error) {
    // The build's own error is the one reported; a failed clean-up is left to the next build's recovery.
    await Promise.allSettled([discardStaging(staging.path), recordsSaved, staging.discarded]);
    keepStaging();
    removeAgainAtExit(staging.path);
    throw error;
  }
  const { pagesRendered, carried, ...state } = rendered;
  await progress.phase("save build state", 0, async () => {
    // A carried-over file is the published file it was linked from: its stamp was read before this build.
    const files = siteStamps(outDir, last === null ? {} : stampsOf(carried, last.published));
    // The replaced site is of use to the next build only when it shares most files with this one.
    const kept = last !== null && published.spare !== null && spareSharesMost(last.published, files);
    const spare =
      kept && published.spare !== null
        ? { spare: { buildId: published.spare, differences: stampDifferences(last.published, files) } }
        : {};
    await writeBuildState(cacheDir, { inputsKey, ...state, files, ...spare });
    await Promise.all([
      recordsSaved,
      imageCache.save(),
      published.removed,
      staging.discarded,
      kept || published.spare === null ? undefined : discardSpare(cacheDir, published.spare),
    ]);
  });
  return { ...result, pagesRendered, upToDate: false };
}
