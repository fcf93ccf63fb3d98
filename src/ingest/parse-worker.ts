/**
 * A worker thread that parses batches of seeds the main thread has read.
 * Parsing is a pure function of a seed's bytes, so the outcomes are the
 * same whichever thread parses them.
 */
import { answerRequests, workerInput } from "../util/worker-pool.ts";
import type { SeedOptions } from "./seed-options.ts";
import { type SeedBytes, type SeedOutcome, parseOne } from "./read-seeds.ts";

const options = workerInput<SeedOptions>();
answerRequests((seeds: SeedBytes[]): SeedOutcome[] => seeds.map((seed) => parseOne(seed, options)));
