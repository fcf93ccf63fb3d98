/**
 * The record cache's table and rows (`record-cache.ts`). The body is the
 * last column, so reading the others does not read it; every build reads
 * the small columns of every row from an index that holds them
 * (`seeds_listing`), not from the table, whose rows hold the heads and
 * bodies (0.17 s against 0.39-0.43 s for 100,000 rows on /dev/shm).
 */
import { DatabaseSync } from "node:sqlite";
import type { SeedStamp } from "../ingest/seed-stamp.ts";
import { rowsAsArrays } from "../util/sqlite-rows.ts";
import type { SeedFile } from "../ingest/read-seeds.ts";

const SCHEMA = `
PRAGMA synchronous = OFF;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seeds (
  file TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  crawl TEXT,
  stamp TEXT,
  problems TEXT NOT NULL,
  whole INTEGER NOT NULL,
  head TEXT,
  body TEXT
);
CREATE INDEX IF NOT EXISTS seeds_listing ON seeds (file, sha256, crawl, stamp, problems, whole);
`;

/** The cache file, emptied unless it was made with `key` (the code and parse settings). */
export function openCacheFile(file: string, key: string): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    // A cache: a crash may cost its contents (a damaged file is started again), never the site.
    db.exec(SCHEMA);
    const made = db.prepare("SELECT value FROM meta WHERE name = 'key'").get()?.["value"];
    if (made !== key) {
      db.exec("DELETE FROM seeds");
      db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('key', ?)").run(key);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A row as read for every seed: everything but the head and body, the JSON left unparsed until the seed is asked for. */
export interface CachedSeed {
  sha256: string;
  /** `[url, fetched]` of the crawl entry, as JSON; null without one. */
  crawl: string | null;
  stamp: SeedStamp | null;
  problems: string;
  /** Whether the head is the whole article (`headOf` in packed-outcome.ts). */
  whole: boolean;
}

/** Every row's small columns, all of them in `seeds_listing`. */
export const LISTING_QUERY = "SELECT file, sha256, crawl, stamp, problems, whole FROM seeds";

export function readCachedSeeds(db: DatabaseSync): Map<string, CachedSeed> {
  const rows = new Map<string, CachedSeed>();
  for (const [file, sha256, crawl, stamp, problems, whole] of rowsAsArrays(db, LISTING_QUERY)) {
    rows.set(String(file), {
      sha256: String(sha256),
      crawl: textOrNull(crawl),
      stamp: stamp === null ? null : (JSON.parse(String(stamp)) as SeedStamp),
      problems: String(problems),
      whole: whole === 1,
    });
  }
  return rows;
}

/**
 * Every seed's head (the article without all but its first paragraph) as
 * JSON, null when the seed had errors: read once a build needs the
 * articles, as a rebuild with nothing to do does not.
 */
export function readHeads(db: DatabaseSync): Map<string, string | null> {
  const heads = new Map<string, string | null>();
  for (const [file, head] of rowsAsArrays(db, "SELECT file, head FROM seeds"))
    heads.set(String(file), textOrNull(head));
  return heads;
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** The same bytes crawled from another URL make another record (its section and source differ). */
export function crawlJson(seed: SeedFile): string | null {
  return seed.crawl === undefined ? null : JSON.stringify([seed.crawl.url, seed.crawl.fetched]);
}
