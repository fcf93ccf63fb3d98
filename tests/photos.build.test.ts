/** Photos are encoded once, whatever base path the site is built for; the base path is added when a page shows them. */
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { CACHE_FOLDER } from "../src/incremental/build-state.ts";
import { hashTree, withTempDir } from "./helpers.ts";
import { attribute, readPage } from "./html.ts";

/** Inode of each file in `dir`: a file encoded again is a new file. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const files = await readdir(dir);
  return new Map(await Promise.all(files.map(async (f) => [f, (await stat(path.join(dir, f))).ino] as const)));
}

describe("photos and the base path", () => {
  test("a new base path encodes no photo again; the pages' image URLs carry it", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      const outDir = path.join(dir, "site");
      await mkdir(path.join(seedsDir, "photos"), { recursive: true });
      await sharp({ create: { width: 900, height: 600, channels: 3, background: "#446688" } })
        .jpeg()
        .toFile(path.join(seedsDir, "photos", "ferry.jpg"));
      await writeFile(
        path.join(seedsDir, "ferry.md"),
        "---\nheadline: Ferry service resumes\ndate: 2019-05-02\nimage: photos/ferry.jpg\ncaption: The first crossing.\ncredit: Staff\n---\nThe ferry ran again on Thursday.\n",
      );
      const cacheImages = path.join(dir, CACHE_FOLDER, "site", "img");
      const sources = async (): Promise<string[]> =>
        (await readPage(outDir, "/national/ferry-service-resumes/"))
          .all("picture source, picture img")
          .flatMap((element) => (attribute(element, "srcSet") ?? attribute(element, "src") ?? "").split(", "));

      await build({ seedsDir, outDir, quiet: true });
      const encoded = await inodes(cacheImages);
      expect(encoded.size).toBe(6);
      expect((await sources()).every((url) => url.startsWith("/img/"))).toBe(true);

      await build({ seedsDir, outDir, quiet: true, base: "/archive/" });
      expect(await inodes(cacheImages)).toEqual(encoded);
      expect((await sources()).every((url) => url.startsWith("/archive/img/"))).toBe(true);
      const clean = path.join(dir, "clean");
      await build({ seedsDir, outDir: clean, quiet: true, base: "/archive/" });
      expect(await hashTree(outDir)).toBe(await hashTree(clean));
    });
  });
});
