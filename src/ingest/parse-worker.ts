/** A worker thread that parses batches of seeds the main thread has read. */
import { parentPort, workerData } from "node:worker_threads";
import { type SeedOptions, parseSeed } from "./parse-seed.ts";
import type { ParseReply, ParseRequest } from "./parse-workers.ts";

const options = workerData as SeedOptions;

parentPort?.on("message", ({ id, seeds }: ParseRequest) => {
  const outcomes = seeds.map(({ file, bytes, sha256 }) => {
    const { parsed, problems } = parseSeed(bytes, file, options, sha256);
    return { article: parsed?.article ?? null, problems };
  });
  parentPort?.postMessage({ id, outcomes } satisfies ParseReply);
});
