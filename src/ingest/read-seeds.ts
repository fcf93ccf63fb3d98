/** Finds and reads seed files and the crawl manifest, and hands the bytes to the parser, which reads nothing itself. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Problem, problemText } from "../model/problems.ts";
import type { SeedArticle } from "../model/record.ts";
import { parseSeed, sha256Hex } from "./parse-seed.ts";
import type { SeedOptions } from "./seed-options.ts";
import { WorkerPool } from "../util/worker-pool.ts";
import { skipped } from "./find-seeds.ts";
import { type SeedListing, knownSeed, listSeeds } from "./list-seeds.ts";
import type { SeedStamp } from "./seed-stamp.ts";
import type { CrawlEntry } from "./source-url.ts";
import { type PackedOutcome, packOutcome, unpackOutcome } from "./packed-outcome.ts";

/** What parsing one seed gave: the article (null when it has errors) and its problems. */
export interface SeedOutcome {
  article: SeedArticle | null;
  problems: Problem[];
}

/** One seed file as read: its path relative to the seeds folder, the digest of its bytes, and where it was crawled from. */
export interface SeedFile {
  file: string;
  sha256: string;
  /** The crawl manifest's entry for the file, if any. */
  crawl?: CrawlEntry | undefined;
}

/** A seed file with its bytes, to be parsed. */
export type SeedBytes = SeedFile & { bytes: Uint8Array };

export interface IngestHooks {
  /** Called once per seed file, for progress. */
  onSeed?: () => void;
  /** An earlier build's outcome for these exact bytes, if it kept one. */
  cached?: (seed: SeedFile) => SeedOutcome | undefined;
  /** The digest an earlier build read from this file when it had this stamp: the file is then not read again. */
  knownDigest?: (file: string, stamp: SeedStamp) => string | undefined;
  /** The folder already listed with `knownDigest` (`listSeeds`), so that it is not listed again. */
  listing?: SeedListing;
  /** Worker threads that parse seeds once there are many to parse; 0 parses them in this thread. */
  workers?: number;
  /**
   * Takes a seed parsed in this run (for the record cache) and gives back
   * what to keep of it in memory; without it, the whole article is kept.
   */
  keep?: (seed: SeedFile, stamp: SeedStamp | undefined, packed: PackedOutcome) => SeedOutcome;
}

export interface IngestResult {
  articles: SeedArticle[];
  problems: Problem[];
  /** Every seed file read, in path order. */
  files: SeedFile[];
  /** The stamp of each seed file, for the record cache. */
  stamps: Map<string, SeedStamp>;
  /** Seeds parsed in this run (the others came from the record cache). */
  parsed: number;
}

const READ_BATCH = 64;

/** Seeds parsed in this thread before worker threads, which cost about half a second to start, are worth it. */
const PARSE_IN_THREAD = 256;
/** Batches handed to the workers and not yet back: bounds the bytes held in memory. */
const BATCHES_IN_FLIGHT = 8;
const PARSE_WORKER = new URL("./parse-worker.ts", import.meta.url);

/** One seed file in path order: its outcome (or the promise of it), or the problem that it could not be read. */
type Entry = { seed: SeedFile; outcome: SeedOutcome | Promise<SeedOutcome> } | { unreadable: Problem };

export async function ingestSeeds(dir: string, options: SeedOptions, hooks: IngestHooks = {}): Promise<IngestResult> {
  const listing = hooks.listing ?? (await listSeeds(dir, options.timeZone, hooks.knownDigest));
  const { files: names, manifest, stamps } = listing;
  const entries: Entry[] = [];
  let pool: WorkerPool<SeedBytes[], PackedOutcome[]> | null = null;
  let uncached = 0;
  const inFlight: Promise<unknown>[] = [];
  try {
    // Reads run in batches: one await per small file would leave the CPU idle on I/O.
    for (let start = 0; start < names.length; start += READ_BATCH) {
      const batch = names.slice(start, start + READ_BATCH);
      // A file whose stamp is as an earlier build saw it holds the bytes it read then: its outcome is taken unread.
      const known = batch.map((file) => knownOutcome(file, listing, hooks));
      const contents = await Promise.all(
        batch.map((file, i) =>
          known[i] !== undefined ? null : readFile(path.join(dir, file)).catch((error: NodeJS.ErrnoException) => error),
        ),
      );
      const toParse: { entry: { seed: SeedFile; outcome: SeedOutcome | Promise<SeedOutcome> }; bytes: Uint8Array }[] =
        [];
      batch.forEach((file, i) => {
        const bytes = contents[i];
        hooks.onSeed?.();
        const knownEntry = known[i];
        if (knownEntry !== undefined) {
          entries.push(knownEntry);
          return;
        }
        if (!(bytes instanceof Uint8Array)) {
          entries.push({ unreadable: skipped(file, problemText.unreadableFile(bytes?.code ?? String(bytes))) });
          return;
        }
        const seed: SeedFile = { file, sha256: sha256Hex(bytes), crawl: manifest.entries.get(file) };
        const outcome = hooks.cached?.(seed);
        const entry = { seed, outcome: outcome ?? EMPTY };
        entries.push(entry);
        if (outcome === undefined) toParse.push({ entry, bytes });
      });
      uncached += toParse.length;
      if (pool === null && (hooks.workers ?? 0) > 0 && uncached > PARSE_IN_THREAD) {
        pool = new WorkerPool(PARSE_WORKER, hooks.workers ?? 1, options);
      }
      const { keep } = hooks;
      const kept = (seed: SeedFile, packed: PackedOutcome): SeedOutcome =>
        keep === undefined ? unpackOutcome(packed, true) : keep(seed, stamps.get(seed.file), packed);
      // This thread parses too, whenever every worker has a batch waiting behind the one it parses.
      if (pool === null || pool.saturated(2)) {
        for (const { entry, bytes } of toParse) {
          const outcome = parseOne({ ...entry.seed, bytes }, options);
          entry.outcome = keep === undefined ? outcome : kept(entry.seed, packOutcome(outcome));
        }
        continue;
      }
      const outcomes = pool.run(toParse.map(({ entry, bytes }) => ({ ...entry.seed, bytes })));
      toParse.forEach(({ entry }, i) => {
        entry.outcome = outcomes.then((all) => {
          const packed = all[i];
          return packed === undefined ? EMPTY : kept(entry.seed, packed);
        });
        // Awaited later; a failed batch (a worker that stopped) fails the build through `inFlight`.
        entry.outcome.catch(() => undefined);
      });
      outcomes.catch(() => undefined);
      inFlight.push(outcomes);
      if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
    }
    return { ...(await assemble(entries, listing.problems)), stamps, parsed: uncached };
  } finally {
    await pool?.close();
  }
}

/** The earlier outcome of a file whose stamp says it is unchanged; undefined when it must be read. */
function knownOutcome(file: string, listing: SeedListing, hooks: IngestHooks): Entry | undefined {
  const seed = knownSeed(listing, file);
  if (seed === undefined) return undefined;
  const outcome = hooks.cached?.(seed);
  return outcome === undefined ? undefined : { seed, outcome };
}

/** Never seen: every entry's placeholder is replaced before it is read. */
const EMPTY: SeedOutcome = { article: null, problems: [] };

/** The outcome of parsing one seed, in this thread or a parse worker's. */
export function parseOne({ file, sha256, bytes, crawl }: SeedBytes, options: SeedOptions): SeedOutcome {
  const { parsed, problems } = parseSeed(bytes, file, options, sha256, crawl);
  return { article: parsed?.article ?? null, problems };
}

async function assemble(
  entries: readonly Entry[],
  listingProblems: readonly Problem[],
): Promise<Omit<IngestResult, "stamps" | "parsed">> {
  const result: Omit<IngestResult, "stamps" | "parsed"> = { articles: [], problems: [...listingProblems], files: [] };
  for (const entry of entries) {
    if ("unreadable" in entry) {
      result.problems.push(entry.unreadable);
      continue;
    }
    const outcome = await entry.outcome;
    result.files.push(entry.seed);
    result.problems.push(...outcome.problems);
    if (outcome.article !== null) result.articles.push(outcome.article);
  }
  return result;
}
