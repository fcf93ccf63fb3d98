/**
 * The build state file as the next build reads it: a state is read back as
 * it was written, also when a save wrote only the rows that changed; a file
 * of the wrong shape reads as no state (the build then does all its work
 * again), also when the fault is one row among the many pages and files.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { BuildState } from "../src/incremental/build-state.ts";
import {
  readBuildState,
  readFiles,
  readPages,
  readStateButRows,
  withFileStamps,
} from "../src/incremental/state-read.ts";
import { STATE_FILE, writeBuildState } from "../src/incremental/state-store.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "build-state-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STATE: BuildState = {
  inputsKey: "inputs",
  globalsKey: "globals",
  pages: { "/": "d1", "/national/a/": "d2" },
  search: { "2019": "s1" },
  data: { "2019": "x1" },
  sqlite: null,
  sitemap: "m1",
  files: { "index.html": [11, 2048, 1700000000000], "national/a/index.html": [12, 900, 1700000000001.5] },
  folders: { "": [3, 1700000000000.25], national: [4, 1700000000001] },
  spare: { buildId: "b1", differences: { "index.html": [13, 2050, 1700000000002], "old/index.html": null } },
};

/** `state` as read back: with the id its save gave it. */
const asRead = (state: BuildState): BuildState => ({ ...state, stateId: expect.any(String) as string });

/** Writes `state` after the state the file holds now, as a build does. */
const save = (state: BuildState): BuildState | null => {
  writeBuildState(dir, state, readBuildState(dir));
  return readBuildState(dir);
};

test("a state written is read back as it was", () => {
  writeBuildState(dir, STATE, null);
  expect(readBuildState(dir)).toEqual(asRead(STATE));
});

test("a state saved after another is read back as it was, rows added, changed and removed", () => {
  save(STATE);
  const next: BuildState = {
    ...STATE,
    inputsKey: "inputs 2",
    pages: { "/": "d1", "/national/b/": "d3" },
    files: { "index.html": [11, 2049, 1700000000005], "national/b/index.html": [14, 901, 1700000000006] },
    spare: { buildId: "b2", differences: { "national/a/index.html": null } },
  };
  expect(save(next)).toEqual(asRead(next));
  const { spare: _, ...withoutSpare } = STATE;
  expect(save(withoutSpare)).toEqual(asRead(withoutSpare));
});

test("the state read in parts: the rows only of the save the first part was read from", () => {
  writeBuildState(dir, STATE, null);
  const { pages: _, files: __, ...butRows } = asRead(STATE);
  const first = readStateButRows(dir);
  expect(first).toEqual(butRows);
  expect(readPages(dir, first?.stateId)).toEqual(STATE.pages);
  expect(readFiles(dir, first?.stateId)).toEqual(STATE.files);
  const seen: [string, unknown][] = [];
  const got = withFileStamps(dir, first?.stateId, (files) => {
    files.each((file, stamp) => seen.push([file, stamp]));
    return [files.get("index.html"), files.get("missing.html")];
  });
  expect(got).toEqual([STATE.files["index.html"], undefined]);
  expect(Object.fromEntries(seen)).toEqual(STATE.files);
  save({ ...STATE, pages: { "/": "d5" } });
  expect(readPages(dir, first?.stateId)).toBeNull();
  expect(readFiles(dir, first?.stateId)).toBeNull();
  expect(withFileStamps(dir, first?.stateId, () => "read")).toBeNull();
  expect(readPages(dir, undefined)).toBeNull();
});

test("a save after a state the file no longer holds rewrites every row", () => {
  writeBuildState(dir, STATE, null);
  const first = readBuildState(dir);
  save({
    ...STATE,
    pages: { ...STATE.pages, "/added/": "d9" },
    files: { ...STATE.files, "added/index.html": [1, 2, 3] },
  });
  // Saved as if after the first state: rows only the second save wrote must not stay.
  writeBuildState(dir, STATE, first);
  expect(readBuildState(dir)).toEqual(asRead(STATE));
});

test("no file, and a file that is not the state's, read as no state; a save makes the file again", async () => {
  expect(readBuildState(dir)).toBeNull();
  await writeFile(path.join(dir, STATE_FILE), "another program's file");
  expect(readBuildState(dir)).toBeNull();
  writeBuildState(dir, STATE, null);
  expect(readBuildState(dir)).toEqual(asRead(STATE));
});

test("an SQLite file of another shape reads as no state, and a save makes it again", async () => {
  const db = new DatabaseSync(path.join(dir, STATE_FILE));
  db.exec("CREATE TABLE about (id INTEGER PRIMARY KEY, state BLOB NOT NULL); INSERT INTO about VALUES (1, x'00')");
  db.close();
  expect(readBuildState(dir)).toBeNull();
  writeBuildState(dir, STATE, null);
  expect(readBuildState(dir)).toEqual(asRead(STATE));
});

test.each([
  ["a page digest that is not text", "INSERT INTO pages VALUES ('/b/', x'07')"],
  ["a file stamp of two numbers", "INSERT INTO files VALUES ('b/index.html', 1, 2, NULL)"],
  ["a file stamp with text in it", "INSERT INTO files VALUES ('b/index.html', 1, 'two', 3)"],
  ["a spare difference that is neither a stamp nor null", "INSERT INTO spare VALUES ('a', 'x', NULL, NULL)"],
  ["a state value that is not the state's", "UPDATE about SET state = x'00'"],
])("%s reads as no state", (_, fault) => {
  writeBuildState(dir, STATE, null);
  const db = new DatabaseSync(path.join(dir, STATE_FILE));
  db.exec(fault);
  db.close();
  expect(readBuildState(dir)).toBeNull();
});

test("a file row that is not a stamp, read row by row, reads as no state", () => {
  writeBuildState(dir, STATE, null);
  const db = new DatabaseSync(path.join(dir, STATE_FILE));
  db.exec("INSERT INTO files VALUES ('b/index.html', 1, 'two', 3)");
  db.close();
  const stateId = readStateButRows(dir)?.stateId;
  expect(withFileStamps(dir, stateId, (files) => files.each(() => undefined))).toBeNull();
});

test("an error of what reads the stamps row by row (a file that cannot be stamped) is not taken for no state", () => {
  writeBuildState(dir, STATE, null);
  const stateId = readStateButRows(dir)?.stateId;
  const failing = (): never => {
    throw new Error("EACCES: permission denied");
  };
  expect(() => withFileStamps(dir, stateId, (files) => files.each(failing))).toThrow("EACCES");
});
