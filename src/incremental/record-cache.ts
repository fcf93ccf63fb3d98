/**
 * Parsed seeds kept between builds in an SQLite file, one row a seed file:
 * its digest, crawl entry and stamp, its problems, and its article in two
 * parts. The head (the record with its first paragraph only, for teasers
 * and descriptions) is what a build holds in memory for every seed; the body
 * stays in the file until a page, search shard or data file needs it
 * (`borrow`), and goes again once that is made. A seed parsed in this build
 * is written as it is parsed (`keep`), so no build holds every body at
 * once. A cache made with other code or settings is emptied.
 */
import { rm } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import path from "node:path";
import type { DatabaseSync, StatementSync } from "node:sqlite";
import { type PackedOutcome, unpackOutcome } from "../ingest/packed-outcome.ts";
import type { SeedFile, SeedOutcome } from "../ingest/read-seeds.ts";
import type { SeedStamp } from "../ingest/seed-stamp.ts";
import type { ArticleRecord, SeedArticle } from "../model/record.ts";
import { sameStamp } from "../util/same-stamp.ts";
import { type CachedSeed, crawlJson, openCacheFile, readCachedSeeds, readHeads } from "./record-rows.ts";
import { BodyLender } from "./body-lender.ts";

const CACHE_FILE = "records.sqlite";
const OLD_PARTS = "0123456789abcdef";
/** Rows written between turns of the event loop, so a large save does not hold up rendering. */
const ROWS_PER_TURN = 500;

export class RecordCache {
  readonly #db: DatabaseSync;
  readonly #rows: Map<string, CachedSeed>;
  readonly #bodies: BodyLender;
  /** Heads not yet handed out, read at the first `get`; a head goes once handed out, as the parsed head is then what the build holds. */
  #heads: Map<string, string | null> | null = null;
  #writeRow: StatementSync | null = null;
  /** Whether rows have been written since the last commit. */
  #writing = false;
  /** The save under way, which `close` waits for. */
  #saving: Promise<void> = Promise.resolve();

  private constructor(db: DatabaseSync, rows: Map<string, CachedSeed>) {
    this.#db = db;
    this.#rows = rows;
    this.#bodies = new BodyLender(db);
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
    const db = openCacheFile(file, key);
    try {
      return new RecordCache(db, readCachedSeeds(db));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Whether `get` has the outcome of these bytes (and crawl entry). */
  holds(seed: SeedFile): boolean {
    const row = this.#rows.get(seed.file);
    return row !== undefined && row.sha256 === seed.sha256 && row.crawl === crawlJson(seed);
  }

  get(seed: SeedFile): SeedOutcome | undefined {
    const row = this.#rows.get(seed.file);
    if (row === undefined || !this.holds(seed)) return undefined;
    this.#heads ??= readHeads(this.#db);
    const json = this.#heads.has(seed.file) ? this.#heads.get(seed.file) : this.#headIn(seed.file);
    this.#heads.delete(seed.file);
    const article = json === null || json === undefined ? null : (JSON.parse(json) as SeedArticle);
    return this.#held({ article, problems: JSON.parse(row.problems) as SeedOutcome["problems"] }, row.whole);
  }

  /** `outcome` as the build holds it: unless it is `whole`, its article's body is in the file. */
  #held(outcome: SeedOutcome, whole: boolean): SeedOutcome {
    if (outcome.article !== null && !whole) this.#bodies.inFile(outcome.article.source);
    return outcome;
  }

  /** The article parsed from these bytes and crawl entry (null: none) as the file has it; undefined when it has not. */
  earlier(file: string, sha256: string, crawl: string | null): SeedArticle | null | undefined {
    const row = this.#rows.get(file);
    if (row?.sha256 !== sha256 || row.crawl !== crawl) return undefined;
    const json = this.#headIn(file);
    return json === null ? null : (JSON.parse(json) as SeedArticle);
  }

  /** A head handed out before (or any), read from the file. */
  #headIn(file: string): string | null {
    const head = this.#db.prepare("SELECT head FROM seeds WHERE file = ?").get(file)?.["head"];
    return typeof head === "string" ? head : null;
  }

  /** The digest of `file`'s bytes when an earlier build read it with this stamp. */
  knownDigest(file: string, stamp: SeedStamp): string | undefined {
    const row = this.#rows.get(file);
    if (row === undefined || row.stamp === null) return undefined;
    return sameStamp(stamp, row.stamp) ? row.sha256 : undefined;
  }

  /**
   * Writes the row of a seed parsed in this build and gives back what to
   * hold of it: the head, or the whole article when that is all there is.
   */
  keep(seed: SeedFile, stamp: SeedStamp | undefined, packed: PackedOutcome): SeedOutcome {
    this.#writeRow ??= this.#db.prepare(
      "INSERT OR REPLACE INTO seeds (file, sha256, crawl, stamp, problems, whole, head, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.#begin();
    const { head, whole, body, problems } = packed;
    const stampJson = stamp === undefined ? null : JSON.stringify(stamp);
    const about = [seed.file, seed.sha256, crawlJson(seed), stampJson, JSON.stringify(problems)] as const;
    this.#writeRow.run(...about, whole ? 1 : 0, head, body);
    return this.#held(unpackOutcome(packed, false), whole);
  }

  /** See `BodyLender.borrow`. */
  borrow(records: Iterable<ArticleRecord>): () => void {
    return this.#bodies.borrow(records);
  }

  /**
   * Keeps exactly the seeds of this build: the rows `keep` wrote, the new
   * stamps of the others; deletes the rows of seeds gone.
   */
  save(files: readonly SeedFile[], stamps: ReadonlyMap<string, SeedStamp>): Promise<void> {
    // The heads not handed out by now are those of seeds that changed.
    this.#heads = null;
    this.#saving = this.#write(files, stamps);
    return this.#saving;
  }

  async #write(files: readonly SeedFile[], stamps: ReadonlyMap<string, SeedStamp>): Promise<void> {
    const db = this.#db;
    const restamp = db.prepare("UPDATE seeds SET stamp = ? WHERE file = ?");
    const remove = db.prepare("DELETE FROM seeds WHERE file = ?");
    const kept = new Set(files.map((seed) => seed.file));
    const work: (() => void)[] = [];
    for (const seed of files) {
      const stamp = stamps.get(seed.file);
      const row = this.#rows.get(seed.file);
      if (stamp !== undefined && row !== undefined && !sameStamp(stamp, row.stamp ?? undefined)) {
        work.push(() => restamp.run(JSON.stringify(stamp), seed.file));
      }
    }
    for (const file of this.#rows.keys()) if (!kept.has(file)) work.push(() => remove.run(file));
    if (work.length > 0) this.#begin();
    try {
      for (const [i, step] of work.entries()) {
        step();
        if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
      }
      this.#commit();
    } catch (error) {
      this.#writing = false;
      db.exec("ROLLBACK");
      throw error;
    }
  }

  #begin(): void {
    if (this.#writing) return;
    this.#db.exec("BEGIN");
    this.#writing = true;
  }

  #commit(): void {
    if (!this.#writing) return;
    this.#writing = false;
    this.#db.exec("COMMIT");
  }

  /**
   * Closes the file once the save under way, if any, has ended. The rows of
   * seeds parsed by a build that failed are kept: they hold whatever its outcome.
   */
  async close(): Promise<void> {
    await this.#saving.catch(() => undefined);
    try {
      this.#commit();
    } catch {
      // Only a failed build leaves rows to commit here (a full disk): its own error is the one to report.
    } finally {
      this.#db.close();
    }
  }
}
