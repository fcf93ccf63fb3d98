/**
 * The record cache's table and rows (`record-cache.ts`). The body is the
 * last column, so reading the others does not read it.
 */
import type { DatabaseSync } from "node:sqlite";
import type { SeedStamp } from "../ingest/seed-stamp.ts";

export const SCHEMA = `
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
`;

/** A row as read for every seed: everything but the body, the JSON left unparsed until the seed is asked for. */
export interface CachedSeed {
  sha256: string;
  /** `[url, fetched]` of the crawl entry, as JSON; null without one. */
  crawl: string | null;
  stamp: SeedStamp | null;
  problems: string;
  /** Whether the head is the whole article (`headOf` in packed-outcome.ts). */
  whole: boolean;
  /**
   * The article without all but its first paragraph, as JSON; null when the
   * seed had errors; undefined once handed out, as the parsed head is then
   * what the build holds (200 MB of JSON at 100,000 seeds).
   */
  head: string | null | undefined;
}

export function readCachedSeeds(db: DatabaseSync): Map<string, CachedSeed> {
  const rows = new Map<string, CachedSeed>();
  const select = db.prepare("SELECT file, sha256, crawl, stamp, problems, whole, head FROM seeds");
  for (const row of select.iterate()) {
    rows.set(String(row["file"]), {
      sha256: String(row["sha256"]),
      crawl: textOrNull(row["crawl"]),
      stamp: row["stamp"] === null ? null : (JSON.parse(String(row["stamp"])) as SeedStamp),
      problems: String(row["problems"]),
      whole: row["whole"] === 1,
      head: textOrNull(row["head"]),
    });
  }
  return rows;
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
