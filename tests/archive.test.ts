/** The archive stage on its own: slugs, URLs, order, lists, pages, neighbours and related links. */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { buildArchive } from "../src/archive/build-archive.ts";
import { nameUrls } from "../src/archive/name-urls.ts";
import { pageUrl, paginate } from "../src/archive/paginate.ts";
import { normalizeTitle } from "../src/archive/resolve-related.ts";
import { slugify } from "../src/model/slugify.ts";
import { seedArticle } from "./records.ts";

const OPTIONS = {
  timeZone: "Asia/Phnom_Penh",
  sectionNames: { national: "National", business: "Business" },
  pageSize: 2,
  moreInSection: 2,
};

describe("slugify", () => {
  test.each([
    ["Sokha vows neutrality in Cambodia’s civil service", "sokha-vows-neutrality-in-cambodias-civil-service"],
    ["Café  culture -- booms!", "cafe-culture-booms"],
    ["កម្ពុជា នាំចេញ អង្ករ", "កម្ពុជា-នាំចេញ-អង្ករ"],
    ["!!!", ""],
  ])("%s", (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  test("a long headline is cut at a word boundary, at most 80 characters", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(?:-word)+$/u);
  });

  test("astral characters are never cut in half and a slug fits 200 bytes", () => {
    // Deseret small letters: four bytes each, two UTF-16 units.
    const slug = slugify("𐐨".repeat(120));
    expect(Buffer.byteLength(slug)).toBe(200);
    expect(Array.from(slug)).toEqual(Array(50).fill("𐐨"));
  });
});

describe("author and tag URLs", () => {
  test("names equal but for case, accents and spacing share a page; other slug clashes are numbered", () => {
    const urls = nameUrls(["Café", "cafe", "CAFE ", "C++", "C", "c#"], "tag");
    expect(urls.get("Café")).toBe("/tag/cafe/");
    expect(urls.get("cafe")).toBe("/tag/cafe/");
    expect(urls.get("CAFE ")).toBe("/tag/cafe/");
    expect(new Set([urls.get("C++"), urls.get("C"), urls.get("c#")])).toEqual(
      new Set(["/tag/c/", "/tag/c-2/", "/tag/c-3/"]),
    );
  });

  test("a name that makes no slug gets a fallback", () => {
    expect(nameUrls(["???"], "author").get("???")).toBe("/author/unnamed/");
  });
});

describe("buildArchive", () => {
  const older = seedArticle({
    headline: "Rice exports rise",
    date: "2019-04-23",
    section: "business",
    authors: ["Keo Ratha"],
    byline: "Keo Ratha",
    source: { file: "a.txt", sha256: "a".repeat(64), url: null, fetched: null },
  });
  const newer = seedArticle({
    headline: "Rice exports rise",
    date: "2019-04-24T10:19:00+07:00",
    authors: ["Keo Ratha"],
    byline: "Keo Ratha",
    tags: ["rice"],
    source: { file: "b.txt", sha256: "b".repeat(64), url: null, fetched: null },
  });
  const undated = seedArticle({
    headline: "An undated letter",
    related: [
      { title: "RICE EXPORTS RISE!", teaser: null, url: null, line: 9 },
      { title: "Not in the archive", teaser: null, url: null, line: 11 },
    ],
    source: { file: "c.txt", sha256: "c".repeat(64), url: null, fetched: null },
  });
  const fixed = seedArticle({
    headline: "Fixed slug",
    date: "2018-01-01",
    explicitSlug: "rice-exports-rise",
    source: { file: "d.txt", sha256: "d".repeat(64), url: null, fetched: null },
  });
  const archive = buildArchive([undated, newer, fixed, older], OPTIONS);

  test("archive order: newest first, undated last", () => {
    expect(archive.records.map((r) => r.source.file)).toEqual(["b.txt", "a.txt", "d.txt", "c.txt"]);
  });

  test("same headline: the front-matter slug keeps its name, derived slugs are numbered in file order", () => {
    expect(Object.fromEntries(archive.records.map((r) => [r.source.file, r.url]))).toEqual({
      "a.txt": "/business/rice-exports-rise-2/",
      "b.txt": "/national/rice-exports-rise-3/",
      "c.txt": "/national/an-undated-letter/",
      "d.txt": "/national/rice-exports-rise/",
    });
    expect(archive.records[0]?.authorUrls).toEqual(["/author/keo-ratha/"]);
    expect(archive.records[0]?.tagUrls).toEqual(["/tag/rice/"]);
  });

  test("related titles resolve by normalized headline, never to the article itself; the others are warned about", () => {
    const letter = archive.records.find((r) => r.source.file === "c.txt");
    expect(letter?.related.map((item) => item.url)).toEqual(["/business/rice-exports-rise-2/", null]);
    expect(archive.problems).toEqual([expect.objectContaining({ file: "c.txt", line: 11, severity: "warning" })]);
    expect(normalizeTitle("  PM’s  “Plan”, revealed! ")).toBe("pms plan revealed");
  });

  test("a title of plain ASCII is normalized as the Unicode rules say", () => {
    const byTheRules = (title: string): string =>
      title
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[\p{P}\p{S}]+/gu, "")
        .replace(/\s+/gu, " ")
        .trim();
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) });
    fc.assert(
      fc.property(ascii, (title) => normalizeTitle(title) === byTheRules(title)),
      { numRuns: 5000 },
    );
    expect(normalizeTitle("Rice -- exports' rise: 5% (again)")).toBe("rice exports rise 5 again");
  });

  test("sections in configured order, years newest first then undated, and stats", () => {
    expect(archive.sections.map((s) => [s.name, s.url])).toEqual([
      ["National", "/national/"],
      ["Business", "/business/"],
    ]);
    expect(archive.years.map((y) => [y.kind, y.name, y.url])).toEqual([
      ["year", "2019", "/2019/"],
      ["year", "2018", "/2018/"],
      ["undated", "Undated articles", "/undated/"],
    ]);
    expect(archive.stats).toEqual({
      articles: 4,
      undated: 1,
      newest: "2019-04-24T10:19:00+07:00",
      oldest: "2018-01-01",
    });
  });

  test("list pages: every list paginated, the home page first", () => {
    const urls = archive.listPages.map((page) => page.url);
    expect(urls[0]).toBe("/");
    expect(urls).toEqual(
      expect.arrayContaining([
        "/page/2/",
        "/national/",
        "/national/page/2/",
        "/business/",
        "/author/keo-ratha/",
        "/tag/rice/",
        "/2019/",
        "/2019/04/",
        "/2018/01/",
        "/undated/",
      ]),
    );
    const month = archive.listPages.find((page) => page.url === "/2019/04/");
    expect(month?.listing.name).toBe("April 2019");
  });

  test("neighbours: older and newer in archive order, more from the same section nearest first", () => {
    const [first, second, third, fourth] = archive.neighbours;
    expect(first?.newer).toBeNull();
    expect(first?.older?.source.file).toBe("a.txt");
    expect(fourth?.older).toBeNull();
    expect(second?.moreInSection).toEqual([]);
    expect(first?.moreInSection.map((r) => r.source.file)).toEqual(["d.txt", "c.txt"]);
    expect(third?.moreInSection.map((r) => r.source.file)).toEqual(["c.txt", "b.txt"]);
  });

  test("sections the site needs for itself, or made of digits, are errors", () => {
    const bad = buildArchive(
      [seedArticle({ headline: "x", section: "search" }), seedArticle({ headline: "y", section: "2019" })],
      OPTIONS,
    );
    expect(bad.problems.map((p) => p.severity)).toEqual(["error", "error"]);
  });

  test("two front-matter slugs alike are an error naming the other file", () => {
    const twins = buildArchive(
      [
        seedArticle({
          headline: "x",
          explicitSlug: "same",
          source: { file: "x.md", sha256: "1".repeat(64), url: null, fetched: null },
        }),
        seedArticle({
          headline: "y",
          explicitSlug: "same",
          source: { file: "y.md", sha256: "2".repeat(64), url: null, fetched: null },
        }),
      ],
      OPTIONS,
    );
    expect(twins.problems).toEqual([
      expect.objectContaining({ file: "y.md", severity: "error", message: expect.stringContaining("x.md") }),
    ]);
  });
});

describe("paginate", () => {
  const listing = { kind: "section" as const, name: "National", url: "/national/", records: [] };
  test("an empty list still has one page", () => {
    expect(paginate(listing, 20).map((p) => [p.url, p.totalPages, p.previousUrl, p.nextUrl])).toEqual([
      ["/national/", 1, null, null],
    ]);
  });
  test("page URLs", () => {
    expect([pageUrl("/national/", 1), pageUrl("/national/", 3)]).toEqual(["/national/", "/national/page/3/"]);
  });
});
