/**
 * The crawl's own knowledge: `crawl.jsonl` and front matter `source_url:`
 * give a page its original URL, whose path names the section; the record
 * keeps the URL and the article page links to it. And where a relative
 * `image:` is found: beside its article first, then in the seeds folder.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import sharp from "sharp";
import { build } from "../src/build.ts";
import { sectionFromUrl } from "../src/ingest/section-names.ts";
import { SEED_OPTIONS, hashTree, listTree, readArchiveData, scrapedPage, withTempDir } from "./helpers.ts";
import { readPage } from "./html.ts";

const page = (headline: string, frontMatter?: string): string =>
  scrapedPage({
    headline,
    body: [`Officials said on Monday that ${headline.toLowerCase()} would be reviewed.`, "More news follows."],
    ...(frontMatter === undefined ? {} : { frontMatter }),
  });

describe("sectionFromUrl", () => {
  test.each([
    ["https://www.phnompenhpost.com/business/garment-exports-rise", "business"],
    ["http://phnompenhpost.com/post-weekend/a-night-out", "post-weekend"],
    ["https://www.phnompenhpost.com/National/x", "national"],
    ["https://www.phnompenhpost.com/arts%20culture/x", "arts-culture"],
    ["https://www.phnompenhpost.com/only-a-slug", null],
    ["https://www.phnompenhpost.com/2019/story", null],
    ["https://www.phnompenhpost.com/tag/story", null],
    ["not a url", null],
  ])("%s -> %s", (url, section) => {
    expect(sectionFromUrl(url, SEED_OPTIONS.sectionNames)).toBe(section);
  });
});

describe("crawl manifest", () => {
  test("gives section, original URL and fetch date; front matter wins; bad lines and unknown files are named", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      const outDir = path.join(dir, "site");
      await mkdir(path.join(seedsDir, "2019"), { recursive: true });
      await writeFile(path.join(seedsDir, "2019", "exports.txt"), page("Rice exports climb"));
      await writeFile(
        path.join(seedsDir, "match.txt"),
        page("Angkor Tiger win again", "source_url: https://www.phnompenhpost.com/sport/angkor-tiger-win"),
      );
      await writeFile(path.join(seedsDir, "plain.txt"), page("Roads close for the festival"));
      const manifest = [
        JSON.stringify({
          file: "2019/exports.txt",
          url: "https://www.phnompenhpost.com/business/rice-exports-climb",
          fetched: "2024-03-01",
        }),
        JSON.stringify({ file: "match.txt", url: "https://www.phnompenhpost.com/national/angkor-tiger-win" }),
        "{not json",
        JSON.stringify({ file: "plain.txt", url: "ftp://example.org/x" }),
        JSON.stringify({ file: "gone.txt", url: "https://www.phnompenhpost.com/national/gone" }),
      ];
      await writeFile(path.join(seedsDir, "crawl.jsonl"), `${manifest.join("\n")}\n`);

      const first = await build({ seedsDir, outDir, quiet: true });
      const byFile = new Map(first.records.map((record) => [record.source.file, record]));
      const exports = byFile.get("2019/exports.txt");
      expect(exports?.section).toBe("business");
      expect(exports?.source).toMatchObject({
        url: "https://www.phnompenhpost.com/business/rice-exports-climb",
        fetched: "2024-03-01",
      });
      expect(byFile.get("match.txt")?.section).toBe("sport");
      expect(byFile.get("match.txt")?.source.url).toBe("https://www.phnompenhpost.com/sport/angkor-tiger-win");
      expect(byFile.get("plain.txt")).toMatchObject({ section: "national", source: { url: null, fetched: null } });
      const warnings = first.problems.filter((p) => p.file === "crawl.jsonl").map((p) => `${p.line}: ${p.message}`);
      expect(warnings).toEqual([
        "3: crawl manifest line skipped: not a JSON object",
        "4: crawl manifest line skipped: `url` must be an absolute http(s) URL",
        "5: crawl manifest names `gone.txt`, which is not a seed in the seeds folder",
      ]);

      const article = await readPage(outDir, exports?.url ?? "/");
      expect(article.text(".source-url")).toBe(
        "Originally published at https://www.phnompenhpost.com/business/rice-exports-climb; archived from a crawl of 2024-03-01",
      );
      expect(article.one(".source-url a")?.properties["href"]).toBe(
        "https://www.phnompenhpost.com/business/rice-exports-climb",
      );
      expect((await readPage(outDir, byFile.get("plain.txt")?.url ?? "/")).one(".source-url")).toBeUndefined();

      // A changed manifest entry re-reads the seed although its bytes did not change.
      manifest[0] = JSON.stringify({ file: "2019/exports.txt", url: "https://www.phnompenhpost.com/lifestyle/x/y" });
      await writeFile(path.join(seedsDir, "crawl.jsonl"), `${manifest.join("\n")}\n`);
      const second = await build({ seedsDir, outDir, quiet: true });
      const moved = second.records.find((record) => record.source.file === "2019/exports.txt");
      expect(moved).toMatchObject({ section: "lifestyle", source: { fetched: null } });
      expect(moved?.url.startsWith("/lifestyle/")).toBe(true);
    });
  });
});

describe("image paths", () => {
  test("a relative image: is looked up beside its article first, then from the seeds folder", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      const outDir = path.join(dir, "site");
      await mkdir(path.join(seedsDir, "authored", "images"), { recursive: true });
      await mkdir(path.join(seedsDir, "images"), { recursive: true });
      const photo = (file: string, colour: string): Promise<unknown> =>
        sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
          .jpeg()
          .toFile(file);
      await photo(path.join(seedsDir, "authored", "images", "ferry.jpg"), "#336699");
      await photo(path.join(seedsDir, "images", "ferry.jpg"), "#993333");
      await photo(path.join(seedsDir, "images", "market.jpg"), "#339933");
      const article = (headline: string, image: string): string =>
        `---\nheadline: ${headline}\nimage: ${image}\ncaption: A photo.\ncredit: Staff\n---\nA paragraph about ${headline}.\n`;
      await writeFile(path.join(seedsDir, "authored", "ferry.md"), article("Ferry", "images/ferry.jpg"));
      await writeFile(path.join(seedsDir, "authored", "market.md"), article("Market", "images/market.jpg"));
      await writeFile(path.join(seedsDir, "top.md"), article("Top", "images/ferry.jpg"));
      const { records, problems } = await build({ seedsDir, outDir, quiet: true });
      const image = (file: string): string | null | undefined =>
        records.find((record) => record.source.file === file)?.photo?.image;
      expect(image("authored/ferry.md")).toBe("authored/images/ferry.jpg");
      expect(image("authored/market.md")).toBe("images/market.jpg");
      expect(image("top.md")).toBe("images/ferry.jpg");
      expect(problems.filter((p) => p.message.startsWith("image "))).toEqual([]);
    });
  });

  test("a photo put beside its article after a build: the rebuild is the clean build of the same seeds", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      await mkdir(path.join(seedsDir, "authored", "images"), { recursive: true });
      await mkdir(path.join(seedsDir, "images"), { recursive: true });
      const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#336699" } })
        .jpeg()
        .toBuffer();
      await writeFile(path.join(seedsDir, "images", "ferry.jpg"), bytes);
      await writeFile(
        path.join(seedsDir, "authored", "ferry.md"),
        "---\nheadline: Ferry\ndate: 2019-04-02\nimage: images/ferry.jpg\n---\nA paragraph about the ferry.\n",
      );
      const rebuilt = path.join(dir, "rebuilt");
      await build({ seedsDir, outDir: rebuilt, quiet: true });
      // The same bytes beside the article: the article now names this file, though its seed did not change.
      await writeFile(path.join(seedsDir, "authored", "images", "ferry.jpg"), bytes);
      await build({ seedsDir, outDir: rebuilt, quiet: true });
      expect(await readArchiveData(rebuilt)).toMatchObject([{ photo: { image: "authored/images/ferry.jpg" } }]);
      const clean = path.join(dir, "clean");
      await build({ seedsDir, outDir: clean, quiet: true });
      expect(await listTree(rebuilt)).toEqual(await listTree(clean));
      expect(await hashTree(rebuilt)).toBe(await hashTree(clean));
    });
  });
});
