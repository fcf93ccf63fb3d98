/**
 * A worker thread that reads the last build (`readLastBuild`): its state
 * file and a stamp of every published file, 6 s of one core at 100,000
 * articles, done while the main thread lists and parses the seeds. It
 * answers a glance first (stamping each published file as its row is
 * read), then reads the files' stamps and pages' digests and keeps the
 * whole, which crosses to the main thread only when asked for (a build
 * with nothing to do never asks, and ends the thread meanwhile); a
 * build with something to do may first ask it to copy the published site.
 */
import { answerRequests } from "../util/worker-pool.ts";
import { type LastBuildRequest, copyPublished } from "./last-build.ts";
import { type LastBuildChanges, type LastBuildGlance, completed, glanceAt, readChanges } from "./read-last-build.ts";
import type { PreviousBuild } from "./changed-pages.ts";

let reading: Promise<LastBuildChanges | null> | null = null;
let whole: Promise<PreviousBuild | null> | null = null;

answerRequests(
  async ({
    cacheDir,
    outDir,
    want,
    into,
  }: LastBuildRequest): Promise<PreviousBuild | LastBuildGlance | boolean | null> => {
    reading ??= Promise.resolve().then(() => readChanges(cacheDir, outDir));
    // The files' stamps and pages' digests are read next, once a glance (all a build with nothing to do asks for) has gone.
    whole ??= reading.then((last) => new Promise((read) => setImmediate(() => read(completed(last, cacheDir)))));
    if (want === "glance") return glanceAt(await reading);
    if (want === "copy") return into !== undefined && (await copyPublished(await whole, outDir, into));
    const last = await whole;
    // It crosses to the main thread now: not kept in both.
    reading = whole = null;
    return last;
  },
);
