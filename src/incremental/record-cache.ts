/**
 * Parsed seeds kept between builds in an SQLite file, one row a seed file:
 * its digest, crawl entry and stamp, its problems, and its article in two
 * parts. The head (the record with its first paragraph only, for teasers
 * and descriptions) is read for every seed; the body only for the records a
 * build renders, indexes or writes out (`fillBodies`), about a year's worth
 * for one edited seed. A cache made with other code or settings is emptied.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { SeedFile, SeedOutcome } from "../ingest/read-seeds.ts";
import type { SeedStamp } from "../ingest/seed-stamp.ts";
import type { ArticleRecord, SeedArticle } from "../model/record.ts";
import { sameStamp } from "../util/same-stamp.ts";
import { type CachedSeed, SCHEMA, headOf, readCachedSeeds } from "./record-rows.ts";

const CACHE_FILE = "records.sqlite";
const OLD_PARTS = "0123456789abcdef";
/** Rows written between turns of the event loop, so a large save does not hold up rendering. */
const ROWS_PER_TURN = 500;

export class RecordCache {
  readonly #db: DatabaseSync;
  readonly #rows: Map<string, CachedSeed>;
  /** Articles handed out as heads, by `bodyKey`: their bodies are in the file. */
  readonly #heads = new Set<string>();
  #readBody: StatementSync | null = null;
  /** The save under way, which `close` waits for. */
  #saving: Promise<void> = Promise.resolve();

  private constructor(db: DatabaseSync, rows: Map<string, CachedSeed>) {
    this.#db = db;
    this.#rows = rows;
  }

  /** The cache in `cacheDir`, emptied unless it was made with `key`; a file that cannot be read is started again. */
  static async open(cacheDir: string, key: string): Promise<RecordCache> {
    const file = path.join(cacheDir, CACHE_FILE);
    // The JSON files an older version kept the records in (540 MB at 100,000 seeds).
    await Promise.all([...OLD_PARTS].map((part) => rm(path.join(cacheDir, `records-${part}.json`), { force: true })));
    try {
      return RecordCache.#openFile(file, key);
    } catch {
      await rm(file, { force: true });
      return RecordCache.#openFile(file, key);
    }
  }

  static #openFile(file: string, key: string): RecordCache {
    const db = new DatabaseSync(file);
    try {
      // A cache: a crash may cost its contents (a damaged file is started again), never the site.
      db.exec(SCHEMA);
      const made = db.prepare("SELECT value FROM meta WHERE name = 'key'").get()?.["value"];
      if (made !== key) {
        db.exec("DELETE FROM seeds");
        db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('key', ?)").run(key);
      }
      return new RecordCache(db, readCachedSeeds(db));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get(seed: SeedFile): SeedOutcome | undefined {
    const row = this.#rows.get(seed.file);
    if (row === undefined || row.sha256 !== seed.sha256 || row.crawl !== crawlJson(seed)) return undefined;
    const article = row.head === null ? null : (JSON.parse(row.head) as SeedArticle);
    if (article !== null && !row.whole) this.#heads.add(bodyKey(article.source));
    return { article, problems: JSON.parse(row.problems) as SeedOutcome["problems"] };
  }

  /** The digest of `file`'s bytes when an earlier build read it with this stamp. */
  knownDigest(file: string, stamp: SeedStamp): string | undefined {
    const row = this.#rows.get(file);
    if (row === undefined || row.stamp === null) return undefined;
    return sameStamp(stamp, row.stamp) ? row.sha256 : undefined;
  }

  /** Gives each of `records` that is a head (`get`) its whole body, read from the file. */
  fillBodies(records: Iterable<ArticleRecord>): void {
    this.#readBody ??= this.#db.prepare("SELECT body FROM seeds WHERE file = ? AND sha256 = ?");
    for (const record of records) {
      const key = bodyKey(record.source);
      if (!this.#heads.has(key)) continue;
      const body = this.#readBody.get(record.source.file, record.source.sha256)?.["body"];
      if (typeof body !== "string")
        throw new Error(`internal: the record cache lost the body of ${record.source.file}`);
      const whole = JSON.parse(body) as Pick<SeedArticle, "body" | "markdown">;
      record.body = whole.body;
      record.markdown = whole.markdown;
      this.#heads.delete(key);
    }
  }

  /**
   * Keeps exactly the seeds of this build: writes the rows of those `parsed`
   * now, the new stamps of the others, and deletes the rows of seeds gone.
   */
  save(
    files: readonly SeedFile[],
    parsed: ReadonlyMap<SeedFile, SeedOutcome>,
    stamps: ReadonlyMap<string, SeedStamp>,
  ): Promise<void> {
    this.#saving = this.#write(files, parsed, stamps);
    return this.#saving;
  }

  async #write(
    files: readonly SeedFile[],
    parsed: ReadonlyMap<SeedFile, SeedOutcome>,
    stamps: ReadonlyMap<string, SeedStamp>,
  ): Promise<void> {
    const db = this.#db;
    const write = db.prepare(
      "INSERT OR REPLACE INTO seeds (file, sha256, crawl, stamp, problems, whole, head, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const restamp = db.prepare("UPDATE seeds SET stamp = ? WHERE file = ?");
    const remove = db.prepare("DELETE FROM seeds WHERE file = ?");
    const kept = new Set(files.map((seed) => seed.file));
    const work: (() => void)[] = [];
    for (const seed of files) {
      const outcome = parsed.get(seed);
      const stamp = stamps.get(seed.file);
      const stampJson = stamp === undefined ? null : JSON.stringify(stamp);
      if (outcome !== undefined) {
        const article = outcome.article;
        const head = article === null ? null : headOf(article);
        work.push(() =>
          write.run(
            seed.file,
            seed.sha256,
            crawlJson(seed),
            stampJson,
            JSON.stringify(outcome.problems),
            head?.whole === false ? 0 : 1,
            head === null ? null : JSON.stringify(head.article),
            article === null ? null : JSON.stringify({ body: article.body, markdown: article.markdown }),
          ),
        );
      } else if (stamp !== undefined && !sameStamp(stamp, this.#rows.get(seed.file)?.stamp ?? undefined)) {
        work.push(() => restamp.run(stampJson, seed.file));
      }
    }
    for (const file of this.#rows.keys()) if (!kept.has(file)) work.push(() => remove.run(file));
    if (work.length === 0) return;
    db.exec("BEGIN");
    try {
      for (const [i, step] of work.entries()) {
        step();
        if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await new Promise((turn) => setImmediate(turn));
      }
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  }

  /** Closes the file once the save under way, if any, has ended. */
  async close(): Promise<void> {
    await this.#saving.catch(() => undefined);
    this.#db.close();
  }
}

/** A seed's body is a function of its bytes (and the parse settings the cache is made with). */
function bodyKey(source: { file: string; sha256: string }): string {
  return `${source.sha256}\0${source.file}`;
}

/** The same bytes crawled from another URL make another record (its section and source differ). */
function crawlJson(seed: SeedFile): string | null {
  return seed.crawl === undefined ? null : JSON.stringify([seed.crawl.url, seed.crawl.fetched]);
}
