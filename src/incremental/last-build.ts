/**
 * The build that published the site, as this build leaves it for the next
 * (its state, its spare site) and as the next reads it, in a thread of its
 * own for a large site (`read-last-build.ts` says what it reads).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { WorkerPool } from "../util/worker-pool.ts";
import { type Found, spareSharesMost, spareStamps, stampDifferences } from "./build-state.ts";
import { STATE_FILE, writeBuildState } from "./state-store.ts";
import { type LastBuildGlance, glanceAt, readLastBuild } from "./read-last-build.ts";
import { type PreviousBuild, pageFiles } from "./changed-pages.ts";
import type { CarriedStamps } from "./carried-stamps.ts";
import { siteStamps } from "./site-stamps.ts";
import type { ReusedStaging } from "../output/carry-over.ts";
import { linkTree } from "../output/link-tree.ts";
import type { RenderPlan } from "./render-plan.ts";

/**
 * Saves this build's state for the next: its inputs, digests and the files
 * it published, and the site it replaced (`spare`) when the next build can
 * start from it. Returns whether that site is kept.
 */
export async function saveBuildState(
  cacheDir: string,
  outDir: string,
  build: { inputsKey: string; globalsKey: string; plan: RenderPlan; spare: string | null; found: Found },
  last: PreviousBuild | null,
  carried: CarriedStamps,
): Promise<boolean> {
  const { digests } = build.plan;
  const state = {
    globalsKey: build.globalsKey,
    pages: Object.fromEntries(digests.pages),
    search: digests.search,
    data: digests.data,
    sqlite: digests.sqlite,
    sitemap: digests.sitemap,
  };
  // A page rendered may be new in a folder the walk passes over (`/tag/x/page/2/` in `/tag/x/`); the
  // site's own files are never in a page's folder (`findStaticFiles` leaves out sections and site paths).
  const { known, settled } = carried;
  const { files, folders } = siteStamps(
    outDir,
    known,
    settled,
    settled.size === 0 ? [] : pageFiles([...build.plan.rendered]),
    carried.folders,
  );
  // The replaced site is of use to the next build only when it shares most files with this one.
  const kept = last !== null && build.spare !== null && spareSharesMost(last.published, files);
  const spare =
    kept && build.spare !== null
      ? { spare: { buildId: build.spare, differences: stampDifferences(last.published, files) } }
      : {};
  writeBuildState(
    cacheDir,
    { inputsKey: build.inputsKey, found: build.found, ...state, files, folders, ...spare },
    last?.state ?? null,
  );
  return kept;
}

/**
 * The site the last build replaced, when it can be this build's staging
 * folder: this build renders the same navigation, and that site still shares
 * most files with the published one (else it is deleted beside the build).
 */
export function reusableSpare(
  last: PreviousBuild | null,
  globalsKey: string,
): (Omit<ReusedStaging, "placed"> & { id: string }) | null {
  if (last === null || last.state.spare === undefined || last.state.globalsKey !== globalsKey) return null;
  const spare = { id: last.state.spare.buildId, spare: spareStamps(last.state), published: last.published };
  return spareSharesMost(spare.spare, spare.published) ? spare : null;
}

/** The last build, being read (`startReadingLastBuild`). */
export interface LastBuildReading {
  /** A glance at the last build, without carrying its whole state here. */
  glance: () => Promise<LastBuildGlance | null>;
  /** The last build (the same promise however often it is asked). */
  read: () => Promise<PreviousBuild | null>;
  /** Stops the reading thread, if any, and the copy it makes: a build that fails or has nothing to do. */
  stop: () => Promise<void>;
  /** Links the published site's files into `into` in the reading thread (`published-copy.ts`); false when not made. */
  copy: (into: string) => Promise<boolean>;
}

/** What the reading thread is asked for: a glance, then (unless nothing is to be done) a copy and the whole. */
export interface LastBuildRequest {
  cacheDir: string;
  outDir: string;
  want: "glance" | "whole" | "copy";
  /** The folder of the copy. */
  into?: string;
}

/**
 * Links every file of the published site into `into`, unless the last build
 * kept a spare site, which the build starts from instead. In batches that
 * leave the thread free to answer for the whole last build meanwhile.
 */
export function copyPublished(last: PreviousBuild | null, outDir: string, into: string): Promise<boolean> {
  if (last === null || last.state.spare !== undefined) return Promise.resolve(false);
  // Not async: the last build is not held here while its files are linked (it crosses to the main thread).
  return linkTree(outDir, into, Object.keys(last.published)).then(() => true);
}

/**
 * Starts reading the last build of `outDir`: in a worker thread when its
 * state file is large (a site of thousands of pages) and `threads` allows,
 * else here when awaited. A small site's state reads faster than a thread starts.
 */
export function startReadingLastBuild(
  cacheDir: string,
  outDir: string,
  threads: boolean,
  threadFromBytes = THREAD_FROM_BYTES,
): LastBuildReading {
  const size = statSync(path.join(cacheDir, STATE_FILE), { throwIfNoEntry: false })?.size;
  let whole: Promise<PreviousBuild | null> | null = null;
  if (!threads || size === undefined || size < threadFromBytes) {
    const read = (): Promise<PreviousBuild | null> => (whole ??= readLastBuild(cacheDir, outDir));
    let copying: Promise<boolean> | null = null;
    const copy = (into: string): Promise<boolean> =>
      (copying = read().then((last) => copyPublished(last, outDir, into)));
    // Here, stopping waits for the copy: its folder may be deleted next.
    const stop = async (): Promise<void> => void (await copying?.catch(() => false));
    return { glance: async () => glanceAt(await read()), read, stop, copy };
  }
  const pool = new WorkerPool<LastBuildRequest, PreviousBuild | LastBuildGlance | boolean | null>(
    LAST_BUILD_WORKER,
    1,
    null,
  );
  const glancing = pool.run({ cacheDir, outDir, want: "glance" }) as Promise<LastBuildGlance | null>;
  glancing.catch(() => undefined);
  const read = (): Promise<PreviousBuild | null> =>
    (whole ??= pool.run({ cacheDir, outDir, want: "whole" }) as Promise<PreviousBuild | null>);
  const copy = (into: string): Promise<boolean> =>
    pool.run({ cacheDir, outDir, want: "copy", into }) as Promise<boolean>;
  return { glance: () => glancing, read, stop: () => pool.close(), copy };
}

/** About 5,000 articles' state. */
const THREAD_FROM_BYTES = 2_000_000;
const LAST_BUILD_WORKER = new URL("./last-build-worker.ts", import.meta.url);
