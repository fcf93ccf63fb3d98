/**
 * Builds a temporary archive from the real seed and every fixture variant,
 * then reads the pages back with a real HTML parser.
 */
import { execFile } from "node:child_process";
import { access, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { select } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import type { Problem } from "../src/model/problems.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import {
  EXTRA_SEEDS,
  PROJECT_ROOT,
  REAL_SEED,
  parseFixtures,
  wholeRecords,
  withTempDir,
  writeFixtureSeeds,
} from "./helpers.ts";
import { attribute, readPage } from "./html.ts";

const run = promisify(execFile);
let work: string;
let seedsDir: string;
let outDir: string;
let records: ArticleRecord[];
let warnings: Problem[];
let skipped: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-e2e-"));
  seedsDir = path.join(work, "seeds");
  outDir = path.join(work, "out");
  await writeFixtureSeeds(seedsDir);
  const result = await build({ seedsDir, outDir, quiet: true });
  ({ problems: warnings, skipped } = result);
  records = await wholeRecords(outDir, result.records);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("end-to-end build", () => {
  test("every seed becomes a record, and the data files hold them all, a year a file, newest first, undated last", async () => {
    const fixtures = await parseFixtures();
    const expected = await Promise.all(
      fixtures.map(
        async ({ dir }) => JSON.parse(await readFile(path.join(dir, "expected.json"), "utf8")) as { article: unknown },
      ),
    );
    // Fixtures that are no article (a body-only dump) are left out of the site with a warning.
    const articles = expected.filter((fixture) => fixture.article !== null).length;
    expect(articles).toBeLessThan(fixtures.length);
    expect(records).toHaveLength(articles + 1 + Object.keys(EXTRA_SEEDS).length);
    expect(skipped).toBe(fixtures.length - articles);
    const dated = records.filter((r) => r.date !== null);
    const firstUndated = records.findIndex((r) => r.date === null);
    expect(records.slice(firstUndated).every((r) => r.date === null)).toBe(true);
    const times = dated.map((r) => Date.parse(r.date?.includes("T") === true ? r.date : `${r.date}T00:00:00+07:00`));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test("same headline: two distinct slugs, two pages", async () => {
    const twins = records.filter((r) => r.headline === "Sokha vows neutrality in Cambodia\u2019s civil service");
    expect(twins.map((r) => r.url).sort()).toEqual([
      "/national/sokha-vows-neutrality-in-cambodias-civil-service-2/",
      "/national/sokha-vows-neutrality-in-cambodias-civil-service/",
    ]);
    const pages = await Promise.all(twins.map((r) => readPage(outDir, r.url)));
    expect(pages.map((page) => page.text("main .body p"))).toEqual(twins.map((r) => r.body[0]));
  });

  test("every page shows headline, byline, date, caption, credit, every paragraph and related items", async () => {
    for (const record of records) {
      const page = await readPage(outDir, record.url);
      expect(page.all("h1")).toHaveLength(1);
      expect(page.text("h1")).toBe(record.headline);
      expect(page.text("title")).toBe(`${record.headline} | Phnom Penh Post archive`);
      if (record.byline !== null) expect(page.text(".byline")).toContain(record.byline);
      else expect(page.one(".byline")).toBeUndefined();
      const date = page.one("article .date");
      if (record.date !== null) expect(attribute(date, "dateTime")).toBe(record.date);
      else expect(date).toBeUndefined();
      expect(page.text(".caption") ?? null).toBe(record.photo?.caption ?? null);
      expect(page.text(".credit") ?? null).toBe(record.photo?.credit ?? null);
      const bodyText = page.text(".body") ?? "";
      for (const paragraph of record.body) expect(bodyText).toContain(paragraph);
      // Each paragraph (or subhead) of a scraped body is one element, in order.
      if (record.source.file.endsWith(".txt"))
        expect(page.all(".body > p, .body > h2").map((p) => toText(p, { whitespace: "pre" }))).toEqual(record.body);
      const items = page.all(".related li");
      expect(items.map((li) => toText(select(".related-title", li) ?? li))).toEqual(
        record.related.map((item) => item.title),
      );
      // A teaser cut mid-sentence gets an ellipsis that screen readers skip; a whole one gets none.
      expect(
        items.map((li) => {
          const teaser = select(".teaser", li);
          if (teaser === undefined) return null;
          const ellipsis = select('[aria-hidden="true"]', teaser);
          return { text: toText(teaser), ellipsis: ellipsis === undefined ? null : toText(ellipsis) };
        }),
      ).toEqual(
        record.related.map((item) =>
          item.teaser === null
            ? null
            : /[.!?”"]$/u.test(item.teaser)
              ? { text: item.teaser, ellipsis: null }
              : { text: `${item.teaser}…`, ellipsis: "…" },
        ),
      );
    }
  });

  test("related items link only when the title resolves inside the archive", async () => {
    const real = records.find((r) => r.source.file === "000_e0ac2be6c21d23bc.txt");
    const target = records.find((r) => r.source.file === "related-target.txt");
    expect(real?.related.map((item) => item.url)).toEqual([null, null, target?.url, null]);
    const page = await readPage(outDir, real?.url ?? "/");
    const links = page.all(".related a");
    expect(links.map((a) => attribute(a, "href"))).toEqual([target?.url]);
    await access(path.join(outDir, target?.url ?? "", "index.html"));
  });

  test("seed text that looks like markup stays text", async () => {
    const literal = records.find((r) => r.source.file === "fixtures/literal-syntax.txt");
    const page = await readPage(outDir, literal?.url ?? "/");
    expect(page.all("script:not([type='application/ld+json'])")).toEqual([]);
    expect(page.all("img")).toEqual([]);
    expect(page.all(".body b, .body h1, .body ul, .body ol, .body hr, .body a, .body strong, .body code")).toEqual([]);
    expect(page.text("h1")).toBe('<script>alert("headline")</script> & {{ site.title }}');
    expect(page.text(".byline")).toContain("Name <b>Bold</b>");
  });

  test("an image that is not there gives a warning and no <img>, never a broken one", async () => {
    const record = records.find((r) => r.source.file === "fixtures/front-matter-txt.txt");
    const page = await readPage(outDir, record?.url ?? "/");
    expect(page.all("img, picture")).toEqual([]);
    expect(page.text(".caption")).toBe("Workers at a factory in Kandal province.");
    expect(warnings.map((p) => `${p.file}: ${p.message}`)).toContain(
      "fixtures/front-matter-txt.txt: image `images/factory.jpg` not found inside the seeds folder; the caption is shown without it",
    );
  });

  test("markdown articles render their structure, sanitized", async () => {
    const md = records.find((r) => r.source.file === "fixtures/markdown-article.md");
    expect(md?.url).toBe("/opinion/notes-from-the-archive-how-we-digitised-30-years-of-print/");
    const page = await readPage(outDir, md?.url ?? "/");
    expect(page.text(".body h2")).toBe("Where the text comes from");
    expect(page.all(".body li")).toHaveLength(2);
    expect(page.all("script:not([type='application/ld+json'])")).toEqual([]);
    expect(page.all(".body a").map((a) => attribute(a, "href") ?? null)).toEqual(["/about/", null]);
  });
});

describe("an archive without dated articles", () => {
  test("has no feeds and links to none", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      const site = path.join(dir, "site");
      await mkdir(seedsDir);
      await copyFile(REAL_SEED, path.join(seedsDir, "real.txt"));
      const result = await build({ seedsDir, outDir: site, quiet: true });
      expect(result.records.every((record) => record.date === null)).toBe(true);
      for (const feed of ["feed.xml", "feed.json", path.join("national", "feed.xml")]) {
        await expect(access(path.join(site, feed))).rejects.toThrow();
      }
      for (const url of ["/", "/about/", "/national/", result.records[0]?.url ?? "/"]) {
        const page = await readPage(site, url);
        const feedLinks = page
          .all("link, a")
          .map((element) => attribute(element, "href") ?? "")
          .filter((href) => /feed\.(?:xml|json)$/u.test(href));
        expect(feedLinks, url).toEqual([]);
      }
    });
  });
});

describe("command line", () => {
  test("npm run build -- --seeds DIR --out DIR builds any folder, and a broken seed fails naming its file and line", async () => {
    await withTempDir(async (dir) => {
      const seeds = path.join(dir, "in");
      const out = path.join(dir, "site");
      await mkdir(seeds);
      await copyFile(REAL_SEED, path.join(seeds, "page.txt"));
      const ok = await run("npm", ["run", "build", "--", "--seeds", seeds, "--out", out], { cwd: PROJECT_ROOT });
      expect(ok.stdout).toMatch(
        /^1 article, (\d+) pages in [\d.]+ s \(\1 rendered, 0 unchanged; published .+\); 1 seed, \d+ warnings$/m,
      );
      const again = await run("npm", ["run", "build", "--", "--seeds", seeds, "--out", out], { cwd: PROJECT_ROOT });
      expect(again.stdout).toMatch(/^1 article, \d+ pages in [\d.]+ s \(nothing changed, nothing written to .+\)/m);
      const page = await readPage(out, "/national/sokha-vows-neutrality-in-cambodias-civil-service/");
      expect(page.text("h1")).toBe("Sokha vows neutrality in Cambodia\u2019s civil service");

      await writeFile(
        path.join(seeds, "broken.txt"),
        "---\ndate: 2019-13-45\n---\nLogo of Phnom Penh Post newspaper Phnom Penh Post - X\n\nX\n\nBody.\n",
      );
      const failed = await run("npm", ["run", "build", "--", "--seeds", seeds, "--out", out], {
        cwd: PROJECT_ROOT,
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`${seeds}/broken.txt:2: error: front matter \`date\``);
      expect((await readPage(out, "/national/sokha-vows-neutrality-in-cambodias-civil-service/")).text("h1")).toBe(
        page.text("h1"),
      );
    });
  });
});
