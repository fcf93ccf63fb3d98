/** The archive restored from what an earlier build added, and the outward key that decides when it may be. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { serialize } from "node:v8";
import { describe, expect, test } from "vitest";
import { buildArchive } from "../src/archive/build-archive.ts";
import { archiveShape, restoreArchive } from "../src/archive/restore-archive.ts";
import { KEPT_FILE, readKeptArchive, writeKeptArchive } from "../src/incremental/kept-archive.ts";
import type { BuildInputs } from "../src/incremental/inputs.ts";
import { outwardKey, readAsBefore } from "../src/incremental/own-edits.ts";
import type { SeedArticle } from "../src/model/record.ts";
import { SITE_DEFAULTS } from "../src/model/site-config.ts";
import { withTempDir } from "./helpers.ts";
import { seedArticle } from "./records.ts";

const OPTIONS = { timeZone: "Asia/Phnom_Penh", sectionNames: SITE_DEFAULTS.sections, pageSize: 2, moreInSection: 2 };

const related = (title: string, line: number): SeedArticle["related"][number] => ({
  title,
  teaser: `A teaser of ${title}.`,
  url: null,
  line,
});

/** Articles with what the archive derives: shared headlines, authors, tags, related links found and not, no date. */
function articles(): SeedArticle[] {
  return [
    seedArticle({ headline: "Rice prices rise", date: "2019-04-02", authors: ["Sok Dara"], tags: ["rice"] }),
    seedArticle({ headline: "Rice prices rise", date: "2019-04-02", authors: ["sok dara"], tags: ["Rice"] }),
    seedArticle({
      headline: "Council meets on Tuesday",
      date: "2018-11-20T09:30:00+07:00",
      section: "business",
      related: [related("Rice prices rise", 30), related("A story nobody wrote", 34)],
    }),
    seedArticle({ headline: "Undated notes", explicitSlug: "notes" }),
    seedArticle({ headline: "!!!", date: "2020-01-01", related: [related("Council meets on Tuesday", 12)] }),
  ];
}

describe("restoreArchive", () => {
  test("gives the archive buildArchive gives, key for key, from the additions it made", () => {
    const seeds = articles();
    const built = buildArchive(seeds, OPTIONS);
    const restored = restoreArchive([...seeds].reverse(), archiveShape(built), OPTIONS);
    expect(JSON.stringify(restored)).toBe(JSON.stringify(built));
    expect(restored?.problems).toEqual(built.problems);
  });

  test("refuses articles other than those the additions name", () => {
    const seeds = articles();
    const shape = archiveShape(buildArchive(seeds, OPTIONS));
    expect(restoreArchive(seeds.slice(1), shape, OPTIONS)).toBeNull();
    const other = seedArticle({ headline: "Another story" });
    expect(restoreArchive([...seeds.slice(1), other], shape, OPTIONS)).toBeNull();
  });
});

describe("outwardKey", () => {
  const article = seedArticle({
    headline: "Council meets on Tuesday",
    standfirst: null,
    body: ["The first paragraph.", "The second paragraph."],
    related: [related("Rice prices rise", 30)],
    photo: { caption: "A caption.", credit: "Supplied", image: "council.jpg" },
  });
  const key = outwardKey(article, "council.jpg");
  const edited = (fields: Partial<SeedArticle>, image = "council.jpg"): string =>
    outwardKey({ ...article, ...fields }, image);

  test("keeps what only the article's own page, search shard and data file show", () => {
    const sha256 = "f".repeat(64);
    expect(edited({ body: ["The first paragraph.", "A rewritten second paragraph.", "A third."] })).toBe(key);
    expect(edited({ source: { ...article.source, sha256 }, wordCount: 40, truncated: true, subheads: [1] })).toBe(key);
    expect(edited({ related: [{ ...related("Rice prices rise", 31), teaser: "Another teaser." }] })).toBe(key);
  });

  test("changes with what the archive or other pages read of the article", () => {
    const changes: Partial<SeedArticle>[] = [
      { headline: "Council met on Tuesday" },
      { date: "2019-01-01" },
      { section: "business" },
      { authors: ["Sok Dara"] },
      { tags: ["council"] },
      { standfirst: "A deck." },
      { body: ["A new first paragraph.", "The second paragraph."] },
      { related: [related("Rice prices fall", 30)] },
      { photo: { caption: "Another caption.", credit: "Supplied", image: "council.jpg" } },
      { explicitSlug: "council" },
      { language: "km" },
      { kicker: "CITY HALL" },
    ];
    for (const change of changes) expect(edited(change), JSON.stringify(change)).not.toBe(key);
    expect(edited({}, "elsewhere/council.jpg")).not.toBe(key);
  });

  test("holds the seed's digest when the headline makes no slug, which then falls back on it", () => {
    const bare = seedArticle({ headline: "!!!" });
    const other = { ...bare, source: { ...bare.source, sha256: "a".repeat(64) } };
    expect(outwardKey(other, null)).not.toBe(outwardKey(bare, null));
  });

  test("readAsBefore compares the edited seeds' articles with what they were, an article left out as none", () => {
    const before = new Map<string, string | null>([[article.source.file, key]]);
    expect(readAsBefore(before, [{ ...article, body: ["The first paragraph.", "Changed."] }])).toBe(true);
    expect(readAsBefore(before, [{ ...article, headline: "Changed" }])).toBe(false);
    expect(readAsBefore(before, [])).toBe(false);
    expect(readAsBefore(new Map([["gone.txt", null]]), [article])).toBe(true);
    expect(readAsBefore(new Map([[article.source.file, null]]), [article])).toBe(false);
  });
});

describe("the kept archive's file", () => {
  test("reads back what was kept; a file damaged or of another shape reads as none", async () => {
    await withTempDir(async (dir) => {
      const seeds = articles();
      const archive = buildArchive(seeds, OPTIONS);
      const inputs = {
        code: "code",
        site: SITE_DEFAULTS,
        urls: { siteUrl: "https://archive.example.org", pathPrefix: "/" },
        seeds: seeds.map(({ source }) => ({ file: source.file, sha256: source.sha256 })),
        photos: [],
        staticFiles: [],
        sqlite: false,
      } satisfies BuildInputs;
      await writeKeptArchive(dir, archive, { inputs, inputsKey: "inputs", archiveKey: "archive" });
      const kept = await readKeptArchive(dir);
      expect(kept?.shape).toEqual(archiveShape(archive));
      expect(kept?.seeds.get(seeds[0]?.source.file ?? "")).toEqual({ sha256: seeds[0]?.source.sha256, crawl: null });
      expect([kept?.inputsKey, kept?.archiveKey]).toEqual(["inputs", "archive"]);
      await writeFile(path.join(dir, KEPT_FILE), "not what a build keeps");
      expect(await readKeptArchive(dir)).toBeNull();
      await writeFile(path.join(dir, KEPT_FILE), serialize({ inputsKey: "inputs", seeds: [["a.txt", 1, null]] }));
      expect(await readKeptArchive(dir)).toBeNull();
    });
    await withTempDir(async (dir) => expect(await readKeptArchive(dir)).toBeNull());
  });
});
