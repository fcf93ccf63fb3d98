/**
 * Parsed seeds kept between builds, keyed by file path and the digest of the
 * file's bytes, so a rebuild parses only seeds that changed. One file per
 * output folder, rewritten whole when anything in it changes; entries are
 * checked against the record schema when read, and a cache written by other
 * code or settings is ignored.
 */
import { mkdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { SeedFile, SeedOutcome } from "../ingest/read-seeds.ts";
import { seedArticleSchema } from "../record.ts";
import { writeStreamed } from "../write-streamed.ts";

const problemSchema = z.object({
  file: z.string(),
  line: z.number(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  hint: z.string(),
});

const cacheSchema = z.object({
  /** Code and parse settings the entries were made with. */
  key: z.string(),
  entries: z.array(
    z.object({
      file: z.string(),
      sha256: z.string(),
      article: seedArticleSchema.nullable(),
      problems: z.array(problemSchema),
    }),
  ),
});

const CACHE_FILE = "records.json";

export class RecordCache {
  readonly #entries: Map<string, SeedOutcome>;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    entries: Map<string, SeedOutcome>,
  ) {
    this.#entries = entries;
  }

  /** The cache in `cacheDir` if it was made with `key`, else an empty one. */
  static async open(cacheDir: string, key: string): Promise<RecordCache> {
    const file = path.join(cacheDir, CACHE_FILE);
    const entries = new Map<string, SeedOutcome>();
    const text = await readFile(file, "utf8").catch(() => null);
    const parsed = text === null ? null : cacheSchema.safeParse(safeJson(text));
    if (parsed?.success === true && parsed.data.key === key) {
      for (const { file: seedFile, sha256, article, problems } of parsed.data.entries) {
        entries.set(entryKey({ file: seedFile, sha256 }), { article, problems });
      }
    }
    return new RecordCache(file, key, entries);
  }

  get(seed: SeedFile): SeedOutcome | undefined {
    return this.#entries.get(entryKey(seed));
  }

  /** Keeps exactly the seeds of this build: cached or `parsed` now. Writes nothing when nothing changed. */
  async save(files: readonly SeedFile[], parsed: ReadonlyMap<SeedFile, SeedOutcome>): Promise<void> {
    if (parsed.size === 0 && files.length === this.#entries.size) return;
    const parts = function* (cache: RecordCache, key: string): Generator<string> {
      yield `{"key":${JSON.stringify(key)},"entries":[`;
      let first = true;
      for (const seed of files) {
        const outcome = parsed.get(seed) ?? cache.get(seed);
        if (outcome === undefined) continue;
        yield `${first ? "" : ","}${JSON.stringify({ ...seed, ...outcome })}`;
        first = false;
      }
      yield "]}";
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeStreamed(temporary, parts(this, this.key));
    await rename(temporary, this.file);
  }
}

function entryKey(seed: SeedFile): string {
  return `${seed.sha256} ${seed.file}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
