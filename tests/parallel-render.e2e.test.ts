/**
 * Pages rendered in worker threads, several at once and in any order, make
 * the same site file for file as pages rendered one run after another in
 * the build's own thread.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { scrapedText, syntheticArticles } from "../bench/generate.ts";
import { build } from "../src/build.ts";
import { hashTree, listTree, withTempDir, writeFixtureSeeds } from "./helpers.ts";

test("two workers (parsing and rendering) give the site a build in one thread gives, byte for byte", async () => {
  await withTempDir(async (dir) => {
    const seedsDir = path.join(dir, "seeds");
    await mkdir(path.join(seedsDir, "synthetic"), { recursive: true });
    await writeFixtureSeeds(seedsDir, { image: true });
    // Enough articles for render threads, in several Eleventy runs (500 pages each), which the workers share.
    for (const article of syntheticArticles(1500, 7)) {
      await writeFile(path.join(seedsDir, "synthetic", article.file), scrapedText(article));
    }
    const sequential = path.join(dir, "sequential");
    const parallel = path.join(dir, "parallel");
    await build({ seedsDir, outDir: sequential, quiet: true, workers: 0 });
    await build({ seedsDir, outDir: parallel, quiet: true, workers: 2 });
    expect(await listTree(parallel)).toEqual(await listTree(sequential));
    expect(await hashTree(parallel)).toBe(await hashTree(sequential));
    expect((await listTree(parallel)).filter((file) => file.endsWith("index.html")).length).toBeGreaterThan(2000);
  });
});
