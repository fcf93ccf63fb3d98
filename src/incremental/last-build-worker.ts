/**
 * A worker thread that reads the last build (`readLastBuild`): its state
 * file and a stamp of every published file, 6 s of one core at 100,000
 * articles, done while the main thread lists and parses the seeds. It
 * answers a glance first and keeps the whole, which crosses to the main
 * thread only when asked for (a build with nothing to do never asks).
 */
import { answerRequests } from "../util/worker-pool.ts";
import { type LastBuildGlance, type LastBuildRequest, glanceAt, readLastBuild } from "./last-build.ts";
import type { PreviousBuild } from "./changed-pages.ts";

let reading: Promise<PreviousBuild | null> | null = null;

answerRequests(
  async ({ cacheDir, outDir, want }: LastBuildRequest): Promise<PreviousBuild | LastBuildGlance | null> => {
    reading ??= readLastBuild(cacheDir, outDir);
    const last = await reading;
    if (want === "glance") return glanceAt(last);
    // It crosses to the main thread now: not kept in both.
    reading = null;
    return last;
  },
);
