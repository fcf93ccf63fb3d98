/**
 * The last build read in a worker thread (as a rebuild of a large site
 * does) is the same as read in the build's own thread, also after the site
 * was changed by hand.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { build } from "../src/build.ts";
import { cacheDirFor } from "../src/incremental/build-state.ts";
import { glanceAt, readLastBuild, startReadingLastBuild } from "../src/incremental/last-build.ts";
import { scrapedPage, withTempDir } from "./helpers.ts";

test("a worker thread reads the same last build as this thread", async () => {
  await withTempDir(async (dir) => {
    const seedsDir = path.join(dir, "seeds");
    const outDir = path.join(dir, "site");
    await mkdir(seedsDir);
    await writeFile(path.join(seedsDir, "a.txt"), scrapedPage({ headline: "Ferry fares rise", body: ["Fares rose."] }));
    await build({ seedsDir, outDir, quiet: true, workers: 0 });
    const cacheDir = cacheDirFor(outDir);
    await writeFile(path.join(outDir, "added-by-hand.txt"), "a note");
    await rm(path.join(outDir, "about", "index.html"));
    const here = await readLastBuild(cacheDir, outDir);
    const reading = startReadingLastBuild(cacheDir, outDir, true, 0);
    try {
      // A glance first, as a build asks; then the whole, read once by the thread.
      const glance = await reading.glance();
      expect(glance).toEqual(glanceAt(here));
      expect(glance?.changed).toBe(2);
      expect(glance?.found?.articles).toBe(1);
      const there = await reading.read();
      expect(there).toEqual(here);
      expect([...(there?.changed ?? [])].sort()).toEqual(["about/index.html", "added-by-hand.txt"]);
    } finally {
      await reading.stop();
    }
  });
});

test("without a last build there is nothing to read", async () => {
  await withTempDir(async (dir) => {
    const reading = startReadingLastBuild(path.join(dir, "cache"), path.join(dir, "site"), true, 0);
    expect(await reading.glance()).toBeNull();
    expect(await reading.read()).toBeNull();
    await reading.stop();
  });
});
