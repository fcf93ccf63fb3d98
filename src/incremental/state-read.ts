/**
 * Reading the build state file (`state-store.ts`): whole, or in parts, so
 * that a build with nothing to do reads neither the pages' digests nor an
 * object of every file's stamp, only each file's row as it stamps the file.
 */
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { deserialize } from "node:v8";
import { rowsAsArrays } from "../util/sqlite-rows.ts";
import { type BuildState, aboutSchema, isStamp } from "./build-state.ts";
import type { SiteStamps, Stamp, StampSource } from "./site-stamps.ts";
import { STATE_FILE } from "./state-store.ts";

/** The state in `cacheDir`; null when there is none or it cannot be read (the build then does all its work). */
export function readBuildState(cacheDir: string): BuildState | null {
  const state = readStateButRows(cacheDir);
  const files = state === null ? null : readFiles(cacheDir, state.stateId);
  const pages = state === null ? null : readPages(cacheDir, state.stateId);
  return state === null || files === null || pages === null ? null : { ...state, files, pages };
}

/** The state without its pages' digests and files' stamps (1.3 and 2.4 million rows at a million articles). */
export type StateButRows = Omit<BuildState, "pages" | "files">;

export function readStateButRows(cacheDir: string): StateButRows | null {
  return reading(cacheDir, (db) => {
    const row = db.prepare("SELECT saved, state FROM about").get();
    const blob = row?.["state"];
    if (typeof row?.["saved"] !== "string" || !(blob instanceof Uint8Array)) return null;
    const about = aboutSchema.safeParse(deserialize(blob));
    const differences = about.success ? stampRows(db, "spare", true) : null;
    if (!about.success || differences === null) return null;
    const { spare, ...rest } = about.data;
    return {
      ...rest,
      stateId: row["saved"],
      ...(spare === undefined ? {} : { spare: { buildId: spare, differences } }),
    };
  });
}

/** The files' stamps of the state saved as `stateId`; null when the file holds another. */
export function readFiles(cacheDir: string, stateId: string | undefined): SiteStamps | null {
  return reading(cacheDir, (db) =>
    savedAs(db, stateId) ? (stampRows(db, "files", false) as SiteStamps | null) : null,
  );
}

/**
 * What `use` makes of the files' stamps of the state saved as `stateId`,
 * read row by row, without an object of them all; null when the file
 * holds another state or cannot be read, or a row is not a stamp. An error
 * of `use`'s own (a published file that cannot be stamped) is thrown.
 */
export function withFileStamps<T>(
  cacheDir: string,
  stateId: string | undefined,
  use: (files: StampSource) => T,
): T | null {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path.join(cacheDir, STATE_FILE), { readOnly: true });
  } catch {
    return null;
  }
  try {
    if (!savedAs(db, stateId)) return null;
    const one = db.prepare("SELECT ino, size, mtime FROM files WHERE path = ?");
    one.setReturnArrays(true);
    return use({
      each: (visit) => {
        for (const [file, ...stamp] of rowsAsArrays(db, "SELECT path, ino, size, mtime FROM files")) {
          visit(String(file), asStamp(stamp));
        }
      },
      get: (file) => {
        const stamp = one.get(file) as unknown[] | undefined;
        return stamp === undefined ? undefined : asStamp(stamp);
      },
    });
  } catch (error) {
    if (
      error instanceof NotAStamp ||
      (error instanceof Error && "code" in error && error.code === "ERR_SQLITE_ERROR")
    ) {
      return null;
    }
    throw error;
  } finally {
    db.close();
  }
}

class NotAStamp extends Error {}

function asStamp(columns: unknown[]): Stamp {
  if (!isStamp(columns)) throw new NotAStamp();
  return columns;
}

function savedAs(db: DatabaseSync, stateId: string | undefined): boolean {
  return stateId !== undefined && db.prepare("SELECT saved FROM about").get()?.["saved"] === stateId;
}

/** The page digests of the state saved as `stateId`; null when the file holds another. */
export function readPages(cacheDir: string, stateId: string | undefined): BuildState["pages"] | null {
  return reading(cacheDir, (db) => {
    if (!savedAs(db, stateId)) return null;
    const pages: Record<string, string> = {};
    for (const [url, digest] of rowsAsArrays(db, "SELECT url, digest FROM pages")) {
      if (typeof url !== "string" || typeof digest !== "string") return null;
      pages[url] = digest;
    }
    return pages;
  });
}

/** What `read` finds in the state file; null when it cannot be opened or read. */
function reading<T>(cacheDir: string, read: (db: DatabaseSync) => T | null): T | null {
  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path.join(cacheDir, STATE_FILE), { readOnly: true });
    return read(db);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** A table of stamps; null when a row is not one (or, unless `nulls`, holds none). */
function stampRows(db: DatabaseSync, table: "files" | "spare", nulls: boolean): Record<string, Stamp | null> | null {
  const stamps: Record<string, Stamp | null> = {};
  for (const [file, ...stamp] of rowsAsArrays(db, `SELECT path, ino, size, mtime FROM ${table}`)) {
    if (typeof file !== "string") return null;
    if (isStamp(stamp)) stamps[file] = stamp;
    else if (nulls && stamp.every((column) => column === null)) stamps[file] = null;
    else return null;
  }
  return stamps;
}
