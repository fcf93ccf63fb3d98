/**
 * The last build read in a worker thread (as a rebuild of a large site
 * does) is the same as read in the build's own thread, also after the site
 * was changed by hand; either links the published site into a new folder.
 */
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { build } from "../src/build.ts";
import { cacheDirFor } from "../src/incremental/build-state.ts";
import { startReadingLastBuild } from "../src/incremental/last-build.ts";
import { glanceAt, readLastBuild } from "../src/incremental/read-last-build.ts";
import { filesUnder } from "../src/util/files-under.ts";
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
    await writeFile(path.join(outDir, "404.html"), "a page rewritten by hand, longer than it was before");
    const here = await readLastBuild(cacheDir, outDir);
    const reading = startReadingLastBuild(cacheDir, outDir, true, 0);
    try {
      // A glance first, as a build asks; then the whole, read once by the thread.
      const glance = await reading.glance();
      expect(glance).toEqual(glanceAt(here));
      expect(glance?.changed).toBe(3);
      expect(glance?.found?.articles).toBe(1);
      const there = await reading.read();
      expect(there).toEqual(here);
      expect([...(there?.changed ?? [])].sort()).toEqual(["404.html", "about/index.html", "added-by-hand.txt"]);
      expect(there?.published["404.html"]).toEqual(here?.published["404.html"]);
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

test("the published site is linked into a new folder by the reading thread or this one, unless a spare site is kept", async () => {
  await withTempDir(async (dir) => {
    const seedsDir = path.join(dir, "seeds");
    const outDir = path.join(dir, "site");
    await mkdir(seedsDir);
    const seed = path.join(seedsDir, "a.txt");
    await writeFile(seed, scrapedPage({ headline: "Ferry fares rise", body: ["Fares rose."] }));
    await build({ seedsDir, outDir, quiet: true, workers: 0 });
    const cacheDir = cacheDirFor(outDir);
    const published = Object.keys((await readLastBuild(cacheDir, outDir))?.published ?? {}).sort();
    expect(published).toContain("index.html");
    for (const [name, threadFromBytes] of [
      ["thread", 0],
      ["here", Number.POSITIVE_INFINITY],
    ] as const) {
      const into = path.join(dir, `copy-${name}`);
      const reading = startReadingLastBuild(cacheDir, outDir, true, threadFromBytes);
      try {
        const copied = reading.copy(into);
        // The whole last build is answered while the copy is made.
        expect((await reading.read())?.state.files).toEqual((await readLastBuild(cacheDir, outDir))?.state.files);
        expect(await copied).toBe(true);
      } finally {
        await reading.stop();
      }
      expect(filesUnder(into)).toEqual(published);
      for (const file of published) {
        expect((await stat(path.join(into, file))).ino).toBe((await stat(path.join(outDir, file))).ino);
      }
    }
    // A rebuild keeps the site it replaced as the next one's spare: no copy is made then.
    await writeFile(seed, scrapedPage({ headline: "Ferry fares rise", body: ["Fares rose again."] }));
    await build({ seedsDir, outDir, quiet: true, workers: 0 });
    const reading = startReadingLastBuild(cacheDir, outDir, true, 0);
    try {
      expect((await reading.glance())?.spare).not.toBeNull();
      expect(await reading.copy(path.join(dir, "copy-again"))).toBe(false);
    } finally {
      await reading.stop();
    }
  });
});
