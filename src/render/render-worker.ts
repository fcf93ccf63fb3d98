/**
 * A worker thread that renders pages with Eleventy: the main thread builds
 * each run's page views and posts them here, so rendering and writing pages
 * run beside the search indexing the main thread drives.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type EleventyRun, runEleventy } from "./run-eleventy.ts";
import type { PageRun, SharedRunData, WorkerReply } from "./page-workers.ts";

const shared = workerData as SharedRunData;

parentPort?.on("message", (run: PageRun) => {
  const reply = (message: WorkerReply): void => parentPort?.postMessage(message);
  runEleventy({ ...shared, ...run } satisfies EleventyRun).then(
    () => reply({ done: true }),
    (error: unknown) =>
      reply({ done: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
