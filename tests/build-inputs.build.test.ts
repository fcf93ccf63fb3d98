/**
 * A build's inputs are one value: the key changes with each of them, and
 * what is not among them (threads, --strict, --quiet, where the seeds and
 * the static folder lie) leaves the site byte for byte the same.
 */
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { type BuildInputs, INPUT_NAMES, inputsKey } from "../src/incremental/inputs.ts";
import { SITE_DEFAULTS } from "../src/model/site-config.ts";
import { hashTree, scrapedPage, withTempDir } from "./helpers.ts";

const INPUTS: BuildInputs = {
  code: "code digest",
  site: SITE_DEFAULTS,
  urls: { siteUrl: "https://archive.example.org", pathPrefix: "/" },
  seeds: [{ file: "a.txt", sha256: "00" }],
  photos: [["photo.jpg", 1, 2, 3, 4]],
  staticFiles: [["CNAME", 20, 5]],
  sqlite: false,
};

/** `INPUTS` with one field changed. */
const CHANGED: { [K in keyof BuildInputs]: BuildInputs[K] } = {
  code: "another code digest",
  site: { ...SITE_DEFAULTS, timeZone: "Asia/Bangkok" },
  urls: { siteUrl: "https://archive.example.org", pathPrefix: "/archive/" },
  seeds: [{ file: "a.txt", sha256: "01" }],
  photos: [["photo.jpg", 1, 2, 3, 5]],
  staticFiles: [["CNAME", 21, 5]],
  sqlite: true,
};

describe("build inputs", () => {
  test("the key is made of every input, and changes with each", () => {
    expect(Object.keys(INPUTS).sort()).toEqual([...INPUT_NAMES].sort());
    const key = inputsKey(INPUTS);
    for (const name of INPUT_NAMES) expect(inputsKey({ ...INPUTS, [name]: CHANGED[name] }), name).not.toBe(key);
  });

  test("threads, --strict, --quiet and where the seeds and static files lie do not change the site", async () => {
    await withTempDir(async (dir) => {
      const first = { seedsDir: path.join(dir, "a", "seeds"), staticDir: path.join(dir, "a", "static") };
      await mkdir(path.join(first.seedsDir, "photos"), { recursive: true });
      await mkdir(first.staticDir, { recursive: true });
      await sharp({ create: { width: 640, height: 400, channels: 3, background: "#557799" } })
        .jpeg()
        .toFile(path.join(first.seedsDir, "photos", "market.jpg"));
      await writeFile(
        path.join(first.seedsDir, "market.md"),
        "---\nheadline: Market reopens\ndate: 2019-04-24\nimage: photos/market.jpg\ncaption: Stalls at dawn.\ncredit: Staff\n---\nTraders returned on Monday.\n",
      );
      for (const n of [1, 2, 3])
        await writeFile(
          path.join(first.seedsDir, `page-${n}.txt`),
          scrapedPage({
            headline: `Story ${n} of the week`,
            header: ["By Sok Dara", `Publication date ${n} May 2019 | 10:19 | ICT`],
            body: [`Paragraph one of story ${n}.`, `Paragraph two of story ${n}.`],
          }),
        );
      await writeFile(path.join(first.staticDir, "CNAME"), "archive.example.org\n");
      const second = { seedsDir: path.join(dir, "b", "crawl"), staticDir: path.join(dir, "b", "own-files") };
      await cp(first.seedsDir, second.seedsDir, { recursive: true });
      await cp(first.staticDir, second.staticDir, { recursive: true });

      const outA = path.join(dir, "site-a");
      const outB = path.join(dir, "site-b");
      await build({ ...first, outDir: outA, quiet: true, workers: 0 });
      await build({ ...second, outDir: outB, quiet: false, workers: 2, strict: true });
      expect(await hashTree(outB)).toBe(await hashTree(outA));
      // Nor do they make a rebuild: nothing changed.
      const again = await build({ ...first, outDir: outA, quiet: true, workers: 2, strict: true });
      expect(again.upToDate).toBe(true);
    });
  });
});
