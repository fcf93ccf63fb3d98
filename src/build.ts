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
import { cacheDirFor } from "./incremental/build-state.ts";
import { codeVersion, configVersion } from "./incremental/code-version.ts";
import { digestJson } from "./incremental/digest.ts";
import { ImageCache } from "./incremental/image-cache.ts";
import { buildInputs } from "./incremental/inputs.ts";
import { RecordCache } from "./incremental/record-cache.ts";
import { readLastBuild, reusableSpare, saveBuildState } from "./incremental/last-build.ts";
import { countSkipped, isImageProblem } from "./model/problems.ts";
import { handAddedFiles } from "./render/static-files.ts";
import { Summaries } from "./render/summary.ts";
import { Progress } from "./util/progress.ts";
import { lockOutput } from "./output/output-lock.ts";
import { checkOutputFolder } from "./output/check-output.ts";
import { removeAgainAtExit, removeOnExit } from "./output/interrupt.ts";
import { deleteUnusedSites, discardSpare, discardStaging, prepareStaging, publish, recover } from "./output/publish.ts";
import type { RenderedSite } from "./render/render-site.ts";
import { type RenderPool, startRenderWorkers } from "./render/start-render-workers.ts";
import { STATIC_TEMPLATES } from "./render/static-pages.ts";
import { type UrlContext, normalizeBase } from "./render/urls.ts";
import { loadSiteConfig } from "./model/site-config.ts";
import { defaultWorkers } from "./util/default-workers.ts";
import { validate } from "./validate.ts";
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
      options.onParsed?.(articles);
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
  const staticDir = options.staticDir ?? "static";
  const { inputsKey, statics } = await buildInputs(
    { code, site, urls, files: ingest.files, archive },
    options.seedsDir,
    staticDir,
  );
  problems.push(...statics.problems);
  const last = await progress.phase("check last build", 0, () => readLastBuild(cacheDir, outDir));
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
  const imageWarned = new Set(problems.filter(isImageProblem).map((p) => p.file));
  const globals = globalsKey(archive, code, site, urls);
  const reuse = reusableSpare(last, globals);
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
      views: { archive, imagesByFile: photos.images, summaries: new Summaries(site.sections), site, urls },
      code,
      globalsKey: globals,
      staging: staging.path,
      outDir,
      previous: last,
      reused:
        reuse !== null && staging.reused
          ? { spare: reuse.spare, published: reuse.published, placed: new Set(photos.files) }
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
  const { pagesRendered } = rendered;
  await progress.phase("save build state", 0, async () => {
    const kept = await saveBuildState(cacheDir, outDir, { inputsKey, rendered, spare: published.spare }, last);
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
