/**
 * Rebuilds reuse the last build's cache: an unchanged archive writes no
 * file at all, an edited seed changes its page and the pages that show it,
 * unchanged pages are carried over, and the result is always the site a
 * clean build would make.
 */
import { access, mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { CACHE_FOLDER } from "../src/incremental/build-state.ts";
import { cleanBuildHash, hashTree, listTree, readArchiveData, scrapedPage } from "./helpers.ts";
import { attribute, readPage } from "./html.ts";

const ARTICLES = 6;
const seedName = (n: number): string => `article-${n}.txt`;
const headline = (n: number): string => `Story number ${n} of the archive`;
/** Day `n` of April 2019: article 6 is the newest, article 1 the oldest. */
const seed = (n: number, parts: { headline?: string; body?: string[] } = {}): string =>
  scrapedPage({
    headline: parts.headline ?? headline(n),
    header: ["By Sok Dara", `Publication date ${n + 10} April 2019 | 10:19 | ICT`],
    body: parts.body ?? [`First paragraph of story ${n}.`, `Second paragraph of story ${n}.`],
  });

let work: string;
let seedsDir: string;
let outDir: string;

interface FileState {
  ino: number;
  mtimeMs: number;
}

/** Inode and modification time of every file below `dir`: equal maps mean no file was written. */
async function fileStates(dir: string): Promise<Map<string, FileState>> {
  const states = new Map<string, FileState>();
  for (const entry of await listTree(dir)) {
    const info = await stat(path.join(dir, entry));
    if (info.isFile()) states.set(entry, { ino: info.ino, mtimeMs: info.mtimeMs });
  }
  return states;
}

/** Pages (HTML files) written, replaced or deleted between two states of a site, sorted. */
function changedPages(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const pages = new Set([...before.keys(), ...after.keys()].filter((file) => file.endsWith(".html")));
  return [...pages]
    .filter((file) => {
      const [a, b] = [before.get(file), after.get(file)];
      return a?.ino !== b?.ino || a?.mtimeMs !== b?.mtimeMs;
    })
    .sort();
}

const rebuild = (base?: string) => build({ seedsDir, outDir, quiet: true, ...(base === undefined ? {} : { base }) });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-incremental-"));
  seedsDir = path.join(work, "seeds");
  outDir = path.join(work, "site");
  await mkdir(seedsDir);
  for (let n = 1; n <= ARTICLES; n++) await writeFile(path.join(seedsDir, seedName(n)), seed(n));
  const first = await rebuild();
  expect(first.upToDate).toBe(false);
  expect(first.pagesRendered).toBe(first.pages);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Seed `n` with a front-matter photo, `header` lines and a credited caption. */
function writePhotoSeed(n: number, image: string, header: readonly string[]): Promise<void> {
  return writeFile(
    path.join(seedsDir, seedName(n)),
    scrapedPage({
      frontMatter: `image: ${image}`,
      headline: headline(n),
      header: [...header, "A caption. Photo supplied"],
      body: [`First paragraph of story ${n}.`],
    }),
  );
}

describe("incremental builds", () => {
  test("an unchanged archive writes no file: not in the site, not in the cache, nowhere else", async () => {
    const before = await fileStates(work);
    const result = await rebuild();
    expect(result.upToDate).toBe(true);
    expect(result.pagesRendered).toBe(0);
    // Every seed is stamped as the last build read it: the build reads no article, and counts them from its state.
    expect(result.records).toEqual([]);
    expect(result.articles).toBe(ARTICLES);
    expect(await fileStates(work)).toEqual(before);
  });

  test("an edited paragraph changes that article's page and nothing it does not show", async () => {
    const before = await fileStates(outDir);
    const unrelated = await stat(path.join(outDir, "national", "story-number-2-of-the-archive", "index.html"));
    const edited = path.join(outDir, "national", "story-number-4-of-the-archive", "index.html");
    const editedBefore = await readFile(edited, "utf8");
    await writeFile(
      path.join(seedsDir, seedName(4)),
      seed(4, { body: ["First paragraph of story 4.", "A corrected second paragraph."] }),
    );

    const result = await rebuild();
    expect(result.upToDate).toBe(false);
    // The article reads to the archive as before: the archive the last build kept is restored, not assembled.
    expect(result.timings.map((timing) => timing.phase)).toContain("archive as kept");
    // The article and the about, search, sections and 404 pages; its first paragraph (the teaser on lists) is unchanged.
    expect(changedPages(before, await fileStates(outDir))).toEqual([
      "404.html",
      "about/index.html",
      "national/story-number-4-of-the-archive/index.html",
      "search/index.html",
      "sections/index.html",
    ]);
    const page = await readPage(outDir, "/national/story-number-4-of-the-archive/");
    expect(page.all(".body p")).toHaveLength(2);
    expect(page.text(".body")).toContain("A corrected second paragraph.");
    expect(page.text(".body")).not.toContain("Second paragraph of story 4.");
    expect(await readFile(edited, "utf8")).not.toBe(editedBefore);
    // An article that does not show the edited one is the same file, carried over rather than rewritten.
    const after = await stat(path.join(outDir, "national", "story-number-2-of-the-archive", "index.html"));
    expect(after.ino).toBe(unrelated.ino);
    expect(after.mtimeMs).toBe(unrelated.mtimeMs);
    // No URL or date changed: the sitemap and robots.txt are carried over too.
    for (const file of ["sitemap.xml", "robots.txt"]) {
      expect(before.get(file)?.ino, file).toBeDefined();
      expect((await fileStates(outDir)).get(file), file).toEqual(before.get(file));
    }
    const records = (await readArchiveData(outDir)) as { body: string[] }[];
    expect(records.flatMap((r) => r.body)).toContain("A corrected second paragraph.");
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });

  test("a rebuild makes its site from the one the last rebuild replaced, and never writes into a published file", async () => {
    // The last build kept the site it replaced; this one brings that folder up to date and publishes it.
    const live = await realpath(outDir);
    const sites = path.dirname(live);
    const [spare] = (await readdir(sites)).map((id) => path.join(sites, id)).filter((folder) => folder !== live);
    expect(spare).toBeDefined();
    const published = await hashTree(outDir);
    await writeFile(
      path.join(seedsDir, seedName(5)),
      seed(5, { body: ["First paragraph of story 5.", "A rewritten end of story 5."] }),
    );

    const result = await rebuild();
    expect(result.pagesRendered).toBeLessThan(result.pages);
    expect(await realpath(outDir)).toBe(spare);
    expect((await readPage(outDir, "/national/story-number-5-of-the-archive/")).text(".body")).toContain(
      "A rewritten end of story 5.",
    );
    // The replaced site, kept in turn, holds every byte it had: nothing was written into a file it shares.
    expect(await hashTree(live)).toBe(published);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });

  test("a new headline moves the article and updates every page that links to it", async () => {
    await writeFile(path.join(seedsDir, seedName(3)), seed(3, { headline: "A rewritten headline for story 3" }));
    const result = await rebuild();
    expect(result.upToDate).toBe(false);

    const moved = await readPage(outDir, "/national/a-rewritten-headline-for-story-3/");
    expect(moved.text("h1")).toBe("A rewritten headline for story 3");
    await expect(access(path.join(outDir, "national", "story-number-3-of-the-archive"))).rejects.toThrow();
    // Its neighbours' older/newer links, and the lists, show the new headline.
    const newer = await readPage(outDir, "/national/story-number-4-of-the-archive/");
    expect(attribute(newer.one("a.older"), "href")).toBe("/national/a-rewritten-headline-for-story-3/");
    expect(newer.text("a.older")).toContain("A rewritten headline for story 3");
    const older = await readPage(outDir, "/national/story-number-2-of-the-archive/");
    expect(older.text("a.newer")).toContain("A rewritten headline for story 3");
    const home = await readPage(outDir, "/");
    expect(home.all("h2 a").map((a) => attribute(a, "href"))).toContain("/national/a-rewritten-headline-for-story-3/");
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });

  test("a removed seed removes its page; a new base path renders every page again", async () => {
    await rm(path.join(seedsDir, seedName(1)));
    const removed = await rebuild();
    expect(removed.records).toHaveLength(ARTICLES - 1);
    await expect(access(path.join(outDir, "national", "story-number-1-of-the-archive"))).rejects.toThrow();
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));

    const moved = await rebuild("/archive/");
    expect(moved.pagesRendered).toBe(moved.pages);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir, { base: "/archive/" }));
  });

  test("a site changed by hand is repaired file by file, also by a build with no seed change", async () => {
    await rebuild("/archive/");
    const clean = await cleanBuildHash(seedsDir, { base: "/archive/" });
    expect(await hashTree(outDir)).toBe(clean);
    const articles = (await readdir(path.join(outDir, "national"))).filter((name) => name.startsWith("story-"));
    const [deleted, appended, replacedPage] = articles.map((name) => path.join(outDir, "national", name, "index.html"));
    if (deleted === undefined || appended === undefined || replacedPage === undefined) throw new Error("too few pages");
    // Deleted, appended to, replaced (new inode), and a file the build did not write.
    await rm(deleted);
    await writeFile(appended, "<p>added by hand</p>", { flag: "a" });
    const replaced = await readFile(replacedPage, "utf8");
    await rm(replacedPage);
    await writeFile(replacedPage, replaced.replace("Story number", "Story no."));
    await writeFile(path.join(outDir, "stray.html"), "not from the build");
    await writeFile(path.join(outDir, "data", "articles", "2019.json"), "[]\n");
    await writeFile(path.join(outDir, "sitemap.xml"), "<!-- by hand -->", { flag: "a" });
    const before = await fileStates(outDir);

    const result = await rebuild("/archive/");
    expect(result.upToDate).toBe(false);
    // The three pages, the about, search, sections and 404 pages every build writes, and the stray page, removed.
    const rel = (file: string): string => path.relative(outDir, file);
    expect(changedPages(before, await fileStates(outDir))).toEqual(
      [
        "404.html",
        "about/index.html",
        "search/index.html",
        "sections/index.html",
        "stray.html",
        rel(deleted),
        rel(appended),
        rel(replacedPage),
      ].sort(),
    );
    expect(await hashTree(outDir)).toBe(clean);

    const again = await rebuild("/archive/");
    expect(again.upToDate).toBe(true);
  });

  test("a search shard changed by hand is indexed again", async () => {
    const shard = path.join(outDir, "pagefind", "2019");
    const entry = path.join(shard, "pagefind-entry.json");
    await writeFile(entry, "{}");
    expect((await rebuild("/archive/")).upToDate).toBe(false);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir, { base: "/archive/" }));
  });

  test("a photo is encoded once and copied from the image cache, never shared with it; a replaced photo is encoded again", async () => {
    const photo = (background: string) =>
      sharp({ create: { width: 1200, height: 800, channels: 3, background } })
        .jpeg()
        .toFile(path.join(seedsDir, "images", "photo.jpg"));
    await mkdir(path.join(seedsDir, "images"));
    await photo("#7a8b99");
    await writePhotoSeed(7, "images/photo.jpg", ["By Sok Dara", "Publication date 30 April 2019 | 10:19 | ICT"]);
    await rebuild();
    const imgDir = path.join(outDir, "img");
    const cacheImgDir = path.join(work, CACHE_FOLDER, "site", "img");
    const inodes = async (dir: string) =>
      new Map(
        await Promise.all((await readdir(dir)).map(async (f) => [f, (await stat(path.join(dir, f))).ino] as const)),
      );
    const first = await inodes(imgDir);
    // Two widths in three formats; the site's files are copies, never the cache's files.
    expect(first.size).toBe(6);
    const cacheInodes = await inodes(cacheImgDir);
    expect([...cacheInodes.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [file, inode] of first) expect(cacheInodes.get(file)).not.toBe(inode);
    const srcsets = async () =>
      (await readPage(outDir, "/national/story-number-7-of-the-archive/"))
        .all("picture source, picture img")
        .map((element) => attribute(element, "srcSet"));

    // An edit elsewhere renders pages but encodes nothing: the published files are linked again.
    await writeFile(path.join(seedsDir, seedName(5)), seed(5, { body: ["Another first paragraph of story 5."] }));
    expect((await rebuild()).upToDate).toBe(false);
    expect(await inodes(imgDir)).toEqual(first);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));

    // A published photo edited in place is repaired by the next build; the cache never saw the edit.
    const [edited = ""] = [...first.keys()].filter((file) => file.endsWith(".jpeg"));
    const good = await readFile(path.join(imgDir, edited));
    await writeFile(path.join(imgDir, edited), "scribbled over");
    expect(await readFile(path.join(cacheImgDir, edited))).toEqual(good);
    expect((await rebuild()).upToDate).toBe(false);
    expect(await readFile(path.join(imgDir, edited))).toEqual(good);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));

    // A new photo under the same name gets new files; the old ones leave the site and the cache.
    const before = await srcsets();
    await photo("#203040");
    await rebuild();
    const replaced = await inodes(imgDir);
    expect(replaced.size).toBe(6);
    expect([...replaced.keys()].filter((file) => first.has(file))).toEqual([]);
    expect([...(await inodes(cacheImgDir)).keys()].sort()).toEqual([...replaced.keys()].sort());
    const after = await srcsets();
    expect(after).not.toEqual(before);
    for (const file of replaced.keys()) expect(after.join(" ")).toContain(file);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });

  test("a photo replaced by one of the same size with the same modification time is encoded again", async () => {
    // Uncompressed PNGs of one size have one length, whatever their colour.
    const photo = (background: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background } })
        .png({ compressionLevel: 0 })
        .toFile(path.join(seedsDir, "images", "same-size.png"));
    await mkdir(path.join(seedsDir, "images"), { recursive: true });
    await photo("#102030");
    await writePhotoSeed(8, "images/same-size.png", ["Publication date 30 April 2019 | 10:19 | ICT"]);
    await rebuild();
    const file = path.join(seedsDir, "images", "same-size.png");
    const before = await stat(file);
    const page = async () =>
      (await readPage(outDir, "/national/story-number-8-of-the-archive/"))
        .all("picture img")
        .map((img) => attribute(img, "src"));
    const shown = await page();
    await photo("#a0b0c0");
    await utimes(file, before.atimeMs / 1000, before.mtimeMs / 1000);
    const after = await stat(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect((await rebuild()).upToDate).toBe(false);
    expect(await page()).not.toEqual(shown);
  });
});
