/**
 * Parsed seeds kept between builds, keyed by file path and the digest of the
 * file's bytes, so a rebuild parses only seeds that changed. Entries are
 * checked against the record schema when read, and a cache written by other
 * code or settings is ignored.
 */
import path from "node:path";
import { z } from "zod";
import type { SeedFile, SeedOutcome } from "../ingest/read-seeds.ts";
import { problemSchema } from "../model/problems.ts";
import { seedArticleSchema } from "../model/record.ts";
import { writeAtomically } from "../util/write-atomically.ts";
import { readCacheFile } from "./cache-file.ts";
import type { SeedStamp } from "../ingest/seed-stamp.ts";
import { sameStamp } from "../util/same-stamp.ts";

const cacheSchema = z.object({
  /** Code and parse settings the entries were made with. */
  key: z.string(),
  entries: z.array(
    z.object({
      file: z.string(),
      sha256: z.string(),
      crawl: z.object({ url: z.string(), fetched: z.string().nullable() }).optional(),
      /** The file's stamp when its bytes were read (`seed-stamp.ts`). */
      stamp: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
      article: seedArticleSchema.nullable(),
      problems: z.array(problemSchema),
    }),
  ),
});

/** Entries are spread over files by the first hex digit of the seed's digest, so an edit rewrites one sixteenth. */
const PARTS = "0123456789abcdef";
const partFile = (cacheDir: string, part: string): string => path.join(cacheDir, `records-${part}.json`);
const partOf = (seed: SeedFile): string => seed.sha256.charAt(0);

export class RecordCache {
  readonly #entries: Map<string, SeedOutcome>;
  /** Seed file -> its stamp and digest when an earlier build read it. */
  readonly #stamps: Map<string, { stamp: SeedStamp; sha256: string }>;
  /** How many entries each part file held when read. */
  readonly #loaded: Map<string, number>;

  private constructor(
    private readonly cacheDir: string,
    private readonly key: string,
    entries: Map<string, SeedOutcome>,
    stamps: Map<string, { stamp: SeedStamp; sha256: string }>,
    loaded: Map<string, number>,
  ) {
    this.#entries = entries;
    this.#stamps = stamps;
    this.#loaded = loaded;
  }

  /** The cache in `cacheDir` as far as it was made with `key`; parts that were not are left out. */
  static async open(cacheDir: string, key: string): Promise<RecordCache> {
    const entries = new Map<string, SeedOutcome>();
    const stamps = new Map<string, { stamp: SeedStamp; sha256: string }>();
    const loaded = new Map<string, number>();
    const parts = await Promise.all([...PARTS].map((part) => readCacheFile(partFile(cacheDir, part), cacheSchema)));
    parts.forEach((cached, i) => {
      if (cached === null || cached.key !== key) return;
      for (const { file, sha256, crawl, stamp, article, problems } of cached.entries) {
        entries.set(entryKey({ file, sha256, crawl }), { article, problems });
        if (stamp !== undefined) stamps.set(file, { stamp, sha256 });
      }
      loaded.set(PARTS.charAt(i), cached.entries.length);
    });
    return new RecordCache(cacheDir, key, entries, stamps, loaded);
  }

  get(seed: SeedFile): SeedOutcome | undefined {
    return this.#entries.get(entryKey(seed));
  }

  /** The digest of `file`'s bytes when an earlier build read it with this stamp. */
  knownDigest(file: string, stamp: SeedStamp): string | undefined {
    const known = this.#stamps.get(file);
    return known !== undefined && sameStamp(stamp, known.stamp) ? known.sha256 : undefined;
  }

  /**
   * Keeps exactly the seeds of this build, cached or `parsed` now, with
   * their stamps, and rewrites only the part files whose entries changed.
   */
  async save(
    files: readonly SeedFile[],
    parsed: ReadonlyMap<SeedFile, SeedOutcome>,
    stamps: ReadonlyMap<string, SeedStamp>,
  ): Promise<void> {
    const byPart = new Map<string, SeedFile[]>([...PARTS].map((part) => [part, []]));
    for (const seed of files) byPart.get(partOf(seed))?.push(seed);
    const restamped = (seed: SeedFile): boolean => {
      const stamp = stamps.get(seed.file);
      return stamp !== undefined && this.knownDigest(seed.file, stamp) !== seed.sha256;
    };
    for (const [part, seeds] of byPart) {
      const changed =
        seeds.some((seed) => parsed.has(seed) || restamped(seed)) || seeds.length !== (this.#loaded.get(part) ?? 0);
      if (!changed) continue;
      const entries = seeds.flatMap((seed) => {
        const outcome = parsed.get(seed) ?? this.get(seed);
        const stamp = stamps.get(seed.file);
        return outcome === undefined
          ? []
          : [JSON.stringify({ ...seed, ...(stamp === undefined ? {} : { stamp }), ...outcome })];
      });
      await writeAtomically(partFile(this.cacheDir, part), entriesJson(this.key, entries));
    }
  }
}

function* entriesJson(key: string, entries: readonly string[]): Generator<string> {
  yield `{"key":${JSON.stringify(key)},"entries":[`;
  for (const [i, entry] of entries.entries()) yield i === 0 ? entry : `,${entry}`;
  yield "]}";
}

/** The same bytes crawled from another URL make another record (its section and source differ). */
function entryKey(seed: SeedFile): string {
  return JSON.stringify([seed.sha256, seed.file, seed.crawl?.url ?? null, seed.crawl?.fetched ?? null]);
}
