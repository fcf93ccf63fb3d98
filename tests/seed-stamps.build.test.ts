/**
 * A seed whose stamp (inode, size, modification and change time) is as an
 * earlier build saw it is not read again; any write to it is seen, even one
 * that keeps its size and puts its modification time back.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { ingestSeeds } from "../src/ingest/read-seeds.ts";
import { type SeedStamp, seedStamp } from "../src/ingest/seed-stamp.ts";
import { SEED_OPTIONS, scrapedPage, withTempDir } from "./helpers.ts";

const page = (body: string): string => scrapedPage({ headline: "Canal dredging starts", body: [body] });

describe("seed stamps", () => {
  test("a file with a known stamp is taken from the cache unread; another stamp is read", async () => {
    await withTempDir(async (dir) => {
      await writeFile(path.join(dir, "a.txt"), page("What the file says now."));
      const stamp = seedStamp(path.join(dir, "a.txt"));
      if (stamp === null) throw new Error("no stamp");
      const remembered = { article: null, problems: [] };
      const ingest = (known: SeedStamp) =>
        ingestSeeds(dir, SEED_OPTIONS, {
          knownDigest: (file, now) => (now.every((v, i) => v === known[i]) ? "earlier digest" : undefined),
          cached: (seed) => (seed.sha256 === "earlier digest" ? remembered : undefined),
        });
      // The stamp is as the cache knows it: the earlier outcome stands, though the bytes say otherwise.
      const unread = await ingest(stamp);
      expect(unread.files).toEqual([{ file: "a.txt", sha256: "earlier digest", crawl: undefined }]);
      expect(unread.articles).toEqual([]);
      expect(unread.stamps.get("a.txt")).toEqual(stamp);
      // Any other stamp: the file is read and parsed.
      const read = await ingest([stamp[0], stamp[1], stamp[2], stamp[3] - 1]);
      expect(read.articles.map((article) => article.body)).toEqual([["What the file says now."]]);
    });
  });

  test("an edit that keeps the size and puts the modification time back is rebuilt", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      const outDir = path.join(dir, "site");
      const seed = path.join(seedsDir, "canal.txt");
      await mkdir(seedsDir);
      await writeFile(seed, page("Dredgers arrived on Monday."));
      await build({ seedsDir, outDir, quiet: true });
      const before = await stat(seed);
      // As `rsync -t` or `cp -p` would leave it: the times copied exactly, by way of a reference file.
      const reference = path.join(dir, "reference");
      await writeFile(reference, "");
      execFileSync("touch", ["-r", seed, reference]);
      await writeFile(seed, page("Dredgers arrived on Sunday."));
      execFileSync("touch", ["-r", reference, seed]);
      expect((await stat(seed)).size).toBe(before.size);
      expect((await stat(seed)).mtimeMs).toBe(before.mtimeMs);
      const again = await build({ seedsDir, outDir, quiet: true });
      expect(again.upToDate).toBe(false);
      const html = await readFile(path.join(outDir, "national", "canal-dredging-starts", "index.html"), "utf8");
      expect(html).toContain("Dredgers arrived on Sunday.");
      expect((await build({ seedsDir, outDir, quiet: true })).upToDate).toBe(true);
    });
  });
});
