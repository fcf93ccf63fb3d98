/**
 * The pipeline: validate + ingest -> archive, then (render-and-publish.ts)
 * plan -> render -> publish. Nothing is written until every seed has parsed;
 * the site is written beside the output folder and swapped in only when
 * complete. A rebuild reuses what the last one left in
 * `.ppp-archive-cache/<output name>/` beside the output folder: seeds are
 * parsed only when their bytes (or crawl URL) changed, the archive is
 * restored when they still read to it as before, a page is rendered only
 * when what it shows changed (unchanged pages are hard-linked from the
 * published site), and when nothing changed at all nothing is written.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { cacheDirFor } from "./incremental/build-state.ts";
import { buildCode } from "./incremental/code-version.ts";
import { digestJson } from "./incremental/digest.ts";
import { inputsKey, photoFiles, readInputs } from "./incremental/inputs.ts";
import { sameAsLast, seedsAsBefore } from "./incremental/unchanged-seeds.ts";
import { readKeptArchive } from "./incremental/kept-archive.ts";
import { archiveToRestore, ownEdits } from "./incremental/restore-plan.ts";
import { listSeeds } from "./ingest/list-seeds.ts";
import type { SeedFile } from "./ingest/read-seeds.ts";
import { RecordCache } from "./incremental/record-cache.ts";
import { type LastBuildReading, startReadingLastBuild } from "./incremental/last-build.ts";
import { startCopy } from "./incremental/published-copy.ts";
import { countSkipped } from "./model/problems.ts";
import { handAddedFiles } from "./render/static-files.ts";
import { Progress } from "./util/progress.ts";
import { lockOutput } from "./output/output-lock.ts";
import { checkOutputFolder } from "./output/check-output.ts";
import { deleteUnusedSites, recover } from "./output/publish.ts";
import { type RenderPool, startRenderWorkers } from "./render/start-render-workers.ts";
import { STATIC_TEMPLATES } from "./render/static-pages.ts";
import { type UrlContext, normalizeBase } from "./render/urls.ts";
import { loadSiteConfig } from "./model/site-config.ts";
import { defaultWorkers } from "./util/default-workers.ts";
import { checkSeedsFolder, validate } from "./validate.ts";
import { seedOptions } from "./ingest/seed-options.ts";
import { BuildError, type BuildOptions, type BuildResult } from "./build-types.ts";

export { BuildError, type BuildOptions, type BuildResult };

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
  // Render threads start once the seeds have parsed (`startRenderWorkers`) and end with the build.
  const render: { pool: RenderPool | null } = { pool: null };
  const records: { cache: RecordCache | null } = { cache: null };
  // Read beside the seeds; nothing writes to the output folder or the cache before it is read (the lock is held).
  const last = startReadingLastBuild(cacheDir, outDir, workers > 0);
  try {
    return await buildWith(options, outDir, cacheDir, workers, { render, last, records });
  } finally {
    await Promise.all([render.pool?.close(), last.stop(), records.cache?.close()]);
  }
}

async function buildWith(
  options: BuildOptions,
  outDir: string,
  cacheDir: string,
  workers: number,
  {
    render,
    last: lastBuild,
    records,
  }: { render: { pool: RenderPool | null }; last: LastBuildReading; records: { cache: RecordCache | null } },
): Promise<BuildResult> {
  const progress = new Progress(options.quiet !== true && process.stderr.isTTY);
  const site = loadSiteConfig(options.site);
  const urls: UrlContext = { siteUrl: site.siteUrl, pathPrefix: normalizeBase(options.base ?? "/") };
  const { code, archiveKey, recordCache } = await progress.phase("read cache", 0, async () => {
    const code = await buildCode(options.eleventyConfig, [options.seedsDir, outDir]);
    const archiveKey = digestJson([code, seedOptions(site)]);
    records.cache = await RecordCache.open(cacheDir, archiveKey);
    return { code, archiveKey, recordCache: records.cache };
  });
  await checkSeedsFolder(options.seedsDir);
  const listing = await progress.phase("list seeds", 0, () =>
    listSeeds(options.seedsDir, site.timeZone, (file, stamp) => recordCache.knownDigest(file, stamp)),
  );
  const staticDir = options.staticDir ?? "static";
  const inputsOf = (seeds: readonly SeedFile[], photos: readonly string[]): ReturnType<typeof readInputs> =>
    readInputs({ code, site, urls, seeds, sqlite: options.sqlite ?? false, photos }, options.seedsDir, staticDir);
  const about = { siteUrl: site.siteUrl, timings: progress.timings, pagesRendered: 0 };

  // Every seed as the last build read it: when nothing else changed, this build is that one.
  const asBefore = seedsAsBefore(listing, recordCache);
  // Read while the last build is, when a seed changed (a build with nothing to do never reads it).
  const keptReading = asBefore === null ? readKeptArchive(cacheDir) : null;
  keptReading?.catch(() => undefined);
  const glance = asBefore === null ? null : await progress.phase("check last build", 0, lastBuild.glance);
  if (asBefore !== null && glance !== null) {
    const same = await sameAsLast(asBefore, glance, { inputsOf, strict: options.strict ?? false });
    if (same !== null) {
      if (same.problems.some((p) => p.severity === "error")) throw new BuildError(same.problems);
      await deleteUnused(outDir, cacheDir, glance.spare);
      return { ...about, ...same, records: [], upToDate: true };
    }
  }

  // Something changed: the published site's files are linked into the next site's folder meanwhile.
  const copy = startCopy(lastBuild, cacheDir);
  const kept = await (keptReading ?? readKeptArchive(cacheDir));
  const restore = archiveToRestore(kept, archiveKey, listing, (...seed) => recordCache.earlier(...seed));
  // Of the parsed seeds only their files are kept: the archive's records replace the articles.
  const { ingest, archive, restored, problems } = await validate(options.seedsDir, site, {
    restore,
    progress,
    cache: recordCache,
    strict: options.strict ?? false,
    workers,
    listing,
    onParsed: (articles, parsed) => {
      options.onParsed?.(articles, parsed);
      render.pool = startRenderWorkers(workers, articles);
    },
  });
  const { files: seedFiles, stamps } = ingest;
  if (problems.some((p) => p.severity === "error")) throw new BuildError(problems);
  const photos = photoFiles(archive);
  const pages = archive.records.length + archive.listPages.length + STATIC_TEMPLATES.length;
  const foundNow = { problems: [...problems], articles: archive.records.length, pages, photos };
  const result = {
    ...about,
    records: archive.records,
    problems,
    seedFiles: seedFiles.length,
    skipped: countSkipped(problems),
    articles: archive.records.length,
    pages,
  };
  const { inputs, statics } = await inputsOf(seedFiles, photos);
  const key = inputsKey(inputs);
  problems.push(...statics.problems);
  const last = await progress.phase(glance === null ? "check last build" : "read last build", 0, lastBuild.read);
  const byHand = last === null ? [] : [...last.changed].filter((file) => last.state.files[file] === undefined).sort();
  problems.push(...handAddedFiles(byHand, outDir, staticDir, options.seedsDir));
  if (last?.state.inputsKey === key && last.changed.size === 0) {
    // The copy stops, and its folder goes with the other unused ones.
    await lastBuild.stop();
    copy.handedOver();
    await deleteUnused(outDir, cacheDir, last.state.spare?.buildId ?? null);
    return { ...result, upToDate: true };
  }

  // The parsed records are cached for the next build while this one renders
  // (they do not depend on whether it succeeds), not after it.
  const recordsSaved = recordCache.save(seedFiles, stamps);
  recordsSaved.catch(() => undefined);
  // Rendering code is loaded only when there is something to render.
  const { renderAndPublish } = await import("./render-and-publish.ts");
  const pagesRendered = await renderAndPublish({
    options,
    outDir,
    cacheDir,
    archive,
    site,
    urls,
    code,
    inputs: { inputs, inputsKey: key, archiveKey },
    own: ownEdits(restored ? restore : null, inputs, last?.state.inputsKey),
    last,
    staticFiles: statics.files,
    renderPool: render.pool,
    progress,
    problems,
    recordsSaved,
    bodies: recordCache,
    found: foundNow,
    copy,
  });
  return { ...result, pagesRendered, upToDate: false };
}

/** A killed build's site folder goes, the spare site (`spare`, a build id) stays. */
async function deleteUnused(outDir: string, cacheDir: string, spare: string | null): Promise<void> {
  await (
    await deleteUnusedSites(outDir, cacheDir, spare === null ? [] : [spare])
  ).deleting;
}
