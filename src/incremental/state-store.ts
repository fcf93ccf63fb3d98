/**
 * The build state (`build-state.ts`) on disk: an SQLite file with a row a
 * page (its digest), a row a published file (its stamp) and a row a file
 * of the spare site that differs, and the rest (keys, digests of shards
 * and data files, folder stamps, what the build found) as one V8-serialized
 * value. A build writes only the rows that differ from the state it read,
 * a few thousand after one edit where a whole file would be rewritten
 * (46 MB at 100,000 articles); and no part of it is one string, which V8
 * caps at 512 MB (a JSON state passed that near 1.1 million articles).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { serialize } from "node:v8";
import { sameStamp } from "../util/same-stamp.ts";
import type { AboutState, BuildState } from "./build-state.ts";
import type { Stamp } from "./site-stamps.ts";

export const STATE_FILE = "build-state.sqlite";
/** The JSON file an older version kept the state in. */
const OLD_STATE_FILE = "build-state.json";

const SCHEMA = `
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS about (id INTEGER PRIMARY KEY CHECK (id = 1), saved TEXT NOT NULL, state BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, digest TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, ino REAL, size REAL, mtime REAL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spare (path TEXT PRIMARY KEY, ino REAL, size REAL, mtime REAL) WITHOUT ROWID;
`;

/**
 * Saves `state`, writing only the rows that differ from `previous` when the
 * file still holds that state (the one this build read), else every row.
 */
export function writeBuildState(cacheDir: string, state: BuildState, previous: BuildState | null): void {
  rmSync(path.join(cacheDir, OLD_STATE_FILE), { force: true });
  const file = path.join(cacheDir, STATE_FILE);
  let opened: { db: DatabaseSync; held: unknown };
  try {
    opened = openForWriting(file);
  } catch {
    // A file that cannot be opened, or of another shape, is made again.
    rmSync(file, { force: true });
    opened = openForWriting(file);
  }
  const { db, held } = opened;
  try {
    const since = previous !== null && held === previous.stateId ? previous : null;
    const { pages, files, spare, stateId: _, ...rest } = state;
    const about: AboutState = { ...rest, ...(spare === undefined ? {} : { spare: spare.buildId }) };
    db.exec("BEGIN");
    if (since === null) db.exec("DELETE FROM pages; DELETE FROM files;");
    db.exec("DELETE FROM spare");
    db.prepare("INSERT OR REPLACE INTO about (id, saved, state) VALUES (1, ?, ?)").run(
      crypto.randomUUID(),
      serialize(about),
    );
    writeRows(db, "pages", pages, since?.pages ?? {}, (a, b) => a === b);
    writeRows(db, "files", files, since?.files ?? {}, sameStamp);
    writeRows(db, "spare", spare?.differences ?? {}, {}, () => false);
    db.exec("COMMIT");
  } catch (error) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw error;
  } finally {
    db.close();
  }
}

/** The file, and the id of the state it holds. */
function openForWriting(file: string): { db: DatabaseSync; held: unknown } {
  const db = new DatabaseSync(file);
  try {
    db.exec(SCHEMA);
    return { db, held: db.prepare("SELECT saved FROM about").get()?.["saved"] };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The rows of `now` that `before` lacks or holds otherwise are written; those `now` lacks are deleted. */
function writeRows<T>(
  db: DatabaseSync,
  table: "pages" | "files" | "spare",
  now: Readonly<Record<string, T>>,
  before: Readonly<Record<string, T>>,
  same: (a: T, b: T | undefined) => boolean,
): void {
  const put: StatementSync =
    table === "pages"
      ? db.prepare("INSERT OR REPLACE INTO pages (url, digest) VALUES (?, ?)")
      : db.prepare(`INSERT OR REPLACE INTO ${table} (path, ino, size, mtime) VALUES (?, ?, ?, ?)`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE ${table === "pages" ? "url" : "path"} = ?`);
  const changed: string[] = [];
  for (const key in now) if (!same(now[key] as T, before[key])) changed.push(key);
  // In key order: rows written in the table's order fill its pages one after another, where the same
  // rows in any order made a million articles' full save take minutes (each row in another page).
  for (const key of changed.sort()) {
    const value = now[key] as T;
    if (typeof value === "string") put.run(key, value);
    else put.run(key, ...((value as Stamp | null) ?? [null, null, null]));
  }
  for (const key in before) if (now[key] === undefined) remove.run(key);
}
