/**
 * A worker thread that parses batches of seeds the main thread has read.
 * Parsing is a pure function of a seed's bytes, so the outcomes are the
 * same whichever thread parses them. They come back as JSON
 * (`packed-outcome.ts`), ready for the record cache.
 */
import { answerRequests, workerInput } from "../util/worker-pool.ts";
import type { SeedOptions } from "./seed-options.ts";
import { type SeedBytes, parseOne } from "./read-seeds.ts";
import { type PackedOutcome, packOutcome } from "./packed-outcome.ts";

const options = workerInput<SeedOptions>();
answerRequests((seeds: SeedBytes[]): PackedOutcome[] => seeds.map((seed) => packOutcome(parseOne(seed, options))));
