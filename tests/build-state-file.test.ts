/**
 * The build state file as the next build reads it: a file of the wrong
 * shape reads as no state (the build then does all its work again), also
 * when the fault is one entry among the many pages and files.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type BuildState, STATE_FILE, readBuildState, writeBuildState } from "../src/incremental/build-state.ts";

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
  files: { "index.html": [11, 2048, 1700000000000], "national/a/index.html": [12, 900, 1700000000001] },
  spare: { buildId: "b1", differences: { "index.html": [13, 2050, 1700000000002], "old/index.html": null } },
};

test("a state written is read back as it was", async () => {
  await writeBuildState(dir, STATE);
  expect(await readBuildState(dir)).toEqual(STATE);
});

test.each([
  ["a page digest that is not text", { pages: { ...STATE.pages, "/b/": 7 } }],
  ["a file stamp of two numbers", { files: { ...STATE.files, "b/index.html": [1, 2] } }],
  ["a file stamp with text in it", { files: { ...STATE.files, "b/index.html": [1, "2", 3] } }],
  ["files given as a list", { files: [[1, 2, 3]] }],
  ["a spare difference that is neither a stamp nor null", { spare: { buildId: "b1", differences: { a: "x" } } }],
])("%s reads as no state", async (_, fault) => {
  await writeFile(path.join(dir, STATE_FILE), JSON.stringify({ ...STATE, ...fault }));
  expect(await readBuildState(dir)).toBeNull();
});
