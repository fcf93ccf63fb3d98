/**
 * The second half of the pipeline, once the archive is known and differs
 * from the published one: plan -> render -> publish. The plan (pure) says
 * which pages and search shards to make and which published files to carry
 * over; the staging folder gets the photos, the carried-over files and the
 * rendered pages, and replaces the published site whole.
 */
import type { Archive } from "./archive/build-archive.ts";
import type { BuildOptions } from "./build-types.ts";
import { carryOver } from "./output/carry-over.ts";
import type { PreviousBuild } from "./incremental/changed-pages.ts";
import { type CarriedStamps, NOTHING_CARRIED, stampCarried } from "./incremental/carried-stamps.ts";
import { ImageCache } from "./incremental/image-cache.ts";
import type { BuildInputs } from "./incremental/inputs.ts";
import { writeKeptArchive } from "./incremental/kept-archive.ts";
import { reusableSpare, saveBuildState } from "./incremental/last-build.ts";
import { type PublishedCopy, copyAsSpare } from "./incremental/published-copy.ts";
import type { Found } from "./incremental/build-state.ts";
import { type RenderPlan, globalsKey, planRender } from "./incremental/render-plan.ts";
import { type Problem, isImageProblem } from "./model/problems.ts";
import type { SiteConfig } from "./model/site-config.ts";
import { removeAgainAtExit, removeOnExit } from "./output/interrupt.ts";
import { discardSpare, discardStaging, prepareStaging, publish } from "./output/publish.ts";
import { encodePhotos } from "./render/encode-photos.ts";
import { navigation } from "./render/navigation.ts";
import { type Bodies, renderSite } from "./render/render-site.ts";
import { siteParts } from "./render/site-parts.ts";
import type { RenderPool } from "./render/start-render-workers.ts";
import type { StaticFile } from "./render/static-files.ts";
import { STATIC_TEMPLATES } from "./render/static-pages.ts";
import { Summaries } from "./render/summary.ts";
import type { UrlContext } from "./render/urls.ts";
import type { Progress } from "./util/progress.ts";

export interface PublishInput {
  options: BuildOptions;
  outDir: string;
  cacheDir: string;
  archive: Archive;
  site: SiteConfig;
  urls: UrlContext;
  /** Digest of templates and code. */
  code: string;
  /** The build's inputs, and the key of its archive's code and settings, kept with the archive for the next build. */
  inputs: { inputs: BuildInputs; inputsKey: string; archiveKey: string };
  /** The seed files whose articles changed only their own pages since `last` (`own-edits.ts`); null: unknown. */
  own: ReadonlySet<string> | null;
  last: PreviousBuild | null;
  staticFiles: readonly StaticFile[];
  renderPool: RenderPool | null;
  progress: Progress;
  /** The build's problems so far; image problems found here are added. */
  problems: Problem[];
  /** The parsed records being saved for the next build: awaited before the build ends. */
  recordsSaved: Promise<void>;
  /** The bodies of records held as heads (all but the first paragraph in the record cache). */
  bodies: Bodies;
  /** What validation found, saved for a next build of the same seeds. */
  found: Found;
  /** The published site's files, being linked into a site folder this build may start from. */
  copy: PublishedCopy | null;
}

/** Renders and publishes the site; resolves to the number of pages rendered. */
export async function renderAndPublish(input: PublishInput): Promise<number> {
  const { options, outDir, cacheDir, archive, site, urls, code, last, progress, problems } = input;
  const nav = navigation(archive, site.sections);
  const globals = globalsKey(nav, code, site, urls);
  const reuse = reusableSpare(last, globals) ?? (await copyAsSpare(input.copy, last, globals));
  const staging = await prepareStaging(outDir, cacheDir, reuse?.id ?? null);
  input.copy?.handedOver();
  staging.discarded.catch(() => undefined);
  const keepStaging = removeOnExit(staging.path);
  const imageCache = await ImageCache.open(cacheDir);
  const imageWarned = new Set(problems.filter(isImageProblem).map((p) => p.file));
  let plan: RenderPlan;
  let published: Awaited<ReturnType<typeof publish>>;
  let carriedStamps: Promise<CarriedStamps> = Promise.resolve(NOTHING_CARRIED);
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
    const views = { archive, imagesByFile: photos.images, summaries: new Summaries(site.sections), site, urls };
    const parts = siteParts(views, nav);
    plan = await progress.phase("compare with last build", 0, () =>
      planRender({ ...parts, code, globalsKey: globals, sqlite: options.sqlite ?? false }, last, input.own),
    );
    options.onPlanned?.(plan.rendered.size);
    const reused =
      reuse !== null && staging.reused
        ? { spare: reuse.spare, published: reuse.published, placed: new Set(photos.files) }
        : null;
    // Linking is file-system work and rendering is CPU work: they overlap.
    const { linked } = await progress.phase("carry over", 0, () =>
      carryOver(outDir, staging.path, plan.carried, reused),
    );
    linked.catch(() => undefined);
    // Stamped while pages render: the main thread mostly waits for the render threads and indexers.
    const { carried } = plan;
    carriedStamps = linked.then(() => stampCarried(staging.path, last, carried));
    carriedStamps.catch(() => undefined);
    await renderSite(parts, plan, {
      staging: staging.path,
      progress,
      ...(options.eleventyConfig === undefined ? {} : { eleventyConfig: options.eleventyConfig }),
      renderPool: input.renderPool,
      bodies: input.bodies,
      staticFiles: input.staticFiles,
    });
    await progress.phase("link unchanged pages", 0, () => linked);
    // The replaced site is kept for the next build when its files are known.
    published = await progress.phase("publish", 0, () =>
      publish(staging, outDir, cacheDir, last !== null, keepStaging),
    );
  } catch (error) {
    // The build's own error is the one reported; a failed clean-up is left to the next build's recovery.
    await Promise.allSettled([discardStaging(staging.path), input.recordsSaved, staging.discarded]);
    keepStaging();
    removeAgainAtExit(staging.path);
    throw error;
  }
  await progress.phase("save build state", 0, async () => {
    // Kept first: an archive kept for a build whose state was not saved only goes unused.
    await writeKeptArchive(cacheDir, archive, input.inputs);
    const { inputsKey } = input.inputs;
    const state = { inputsKey, globalsKey: globals, plan, spare: published.spare, found: input.found };
    const kept = await saveBuildState(cacheDir, outDir, state, last, await carriedStamps);
    await Promise.all([
      input.recordsSaved,
      imageCache.save(),
      published.removed,
      staging.discarded,
      kept || published.spare === null ? undefined : discardSpare(cacheDir, published.spare),
    ]);
  });
  return plan.rendered.size + STATIC_TEMPLATES.length;
}
