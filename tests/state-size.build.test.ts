/**
 * A build state longer than V8's longest string (2^29 - 24 characters) is
 * saved and read back: no part of it is one string. A state kept as one
 * JSON text failed here, after publishing, near 1.1 million articles. Made
 * of three long digests rather than a million pages, so it takes seconds.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { readBuildState } from "../src/incremental/state-read.ts";
import { writeBuildState } from "../src/incremental/state-store.ts";

test("a state longer than V8's longest string is saved and read back", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "state-size-"));
  try {
    const long = (n: number): string => n.toString().repeat(190_000_000);
    const pages = { "/a/": long(1), "/b/": long(2), "/c/": long(3) };
    const state = {
      inputsKey: "i",
      globalsKey: "g",
      pages,
      search: {},
      data: {},
      sqlite: null,
      sitemap: "m",
      files: {},
    };
    writeBuildState(dir, state, null);
    const read = readBuildState(dir)?.pages ?? {};
    expect(Object.entries(read).map(([url, digest]) => [url, digest.length, digest.at(-1)])).toEqual([
      ["/a/", 190_000_000, "1"],
      ["/b/", 190_000_000, "2"],
      ["/c/", 190_000_000, "3"],
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
