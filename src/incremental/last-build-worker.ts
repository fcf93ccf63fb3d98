/**
 * A worker thread that reads the last build (`readLastBuild`): its state
 * file and a stamp of every published file, 6 s of one core at 100,000
 * articles, done while the main thread lists and parses the seeds. It
 * answers a glance first and keeps the whole, which crosses to the main
 * thread only when asked for (a build with nothing to do never asks); a
 * build with something to do may first ask it to copy the published site.
 */
import { answerRequests } from "../util/worker-pool.ts";
import { type LastBuildGlance, type LastBuildRequest, copyPublished, glanceAt, readLastBuild } from "./last-build.ts";
import type { PreviousBuild } from "./changed-pages.ts";

let reading: Promise<PreviousBuild | null> | null = null;

answerRequests(
  async ({
    cacheDir,
    outDir,
    want,
    into,
  }: LastBuildRequest): Promise<PreviousBuild | LastBuildGlance | boolean | null> => {
    reading ??= readLastBuild(cacheDir, outDir);
    if (want === "copy") return into !== undefined && (await copyPublished(await reading, outDir, into));
    const last = await reading;
    if (want === "glance") return glanceAt(last);
    // It crosses to the main thread now: not kept in both.
    reading = null;
    return last;
  },
);
