/**
 * A list page's key holds what `summarize` reads of each card's record, not
 * the summary: for every field, a change that changes the summary must
 * change the key (else a list would not be rendered again).
 */
import { describe, expect, test } from "vitest";
import { buildArchive } from "../src/archive/build-archive.ts";
import type { SeedArticle } from "../src/model/record.ts";
import { SITE_DEFAULTS } from "../src/model/site-config.ts";
import { listPageAbout } from "../src/render/list-view.ts";
import { navigation } from "../src/render/navigation.ts";
import { PageKeys } from "../src/render/page-keys.ts";
import { siteParts } from "../src/render/site-parts.ts";
import { Summaries, summarize } from "../src/render/summary.ts";
import { seedArticle } from "./records.ts";

const OPTIONS = { timeZone: "Asia/Phnom_Penh", sectionNames: SITE_DEFAULTS.sections, pageSize: 5, moreInSection: 2 };
const BASE = {
  headline: "Ferry timetable changes on the river",
  date: "2019-04-02",
  standfirst: null,
  body: ["The first paragraph says what changed.", "A second paragraph."],
};

/** Each field of a seed article with another value. */
const CHANGES: Partial<SeedArticle>[] = [
  { headline: "Ferry timetable changes again" },
  { date: "2019-04-03" },
  { date: "2019-04-02T09:30:00+07:00" },
  { section: "business" },
  { standfirst: "A short deck under the headline." },
  { body: ["Another first paragraph.", "A second paragraph."] },
  { body: ["The first paragraph says what changed.", "A different second paragraph."] },
  { language: "km" },
  { byline: "A Reporter", authors: ["A Reporter"] },
  { tags: ["transport"] },
  { kicker: "RIVER" },
  { wordCount: 99 },
  { truncated: true },
];

/** The home page's key and its one card's summary, for an archive of one article. */
function homeOf(article: SeedArticle): { key: string; summary: unknown } {
  const archive = buildArchive([article], OPTIONS);
  const site = SITE_DEFAULTS;
  const views = {
    archive,
    imagesByFile: new Map(),
    summaries: new Summaries(site.sections),
    site,
    urls: { siteUrl: "https://archive.example.org", pathPrefix: "/" },
  };
  const { listInput } = siteParts(views, navigation(archive, site.sections));
  const home = archive.listPages[0];
  const record = archive.records[0];
  if (home === undefined || record === undefined) throw new Error("no home page");
  const key = new PageKeys(views).list(listPageAbout(home, listInput), home);
  return { key, summary: summarize(record, site.sections) };
}

test.each(CHANGES)("a list's key changes with its card's summary: %o", (change) => {
  const file = { file: "a.txt", sha256: "a".repeat(64), url: null, fetched: null };
  const before = homeOf(seedArticle({ ...BASE, source: file }));
  const after = homeOf(seedArticle({ ...BASE, ...change, source: file }));
  if (JSON.stringify(after.summary) !== JSON.stringify(before.summary)) expect(after.key).not.toBe(before.key);
  else expect(after.key).toBe(before.key);
});

/** Two archives of the same seeds, the second with one seed's bytes (its digest) or one archive field changed. */
describe("an article's record key", () => {
  const seeds = (sha3: string, headline2 = "Second story"): SeedArticle[] => [
    seedArticle({ ...BASE, source: { file: "a1.txt", sha256: "1".repeat(64), url: null, fetched: null } }),
    seedArticle({
      ...BASE,
      headline: headline2,
      source: { file: "a2.txt", sha256: "2".repeat(64), url: null, fetched: null },
    }),
    seedArticle({
      ...BASE,
      headline: "Third story",
      related: [{ title: "Second story", teaser: null, url: null, line: 9 }],
      source: { file: "a3.txt", sha256: sha3, url: null, fetched: null },
    }),
  ];
  const keyOf = (articles: SeedArticle[], file: string): string => {
    const archive = buildArchive(articles, OPTIONS);
    const site = SITE_DEFAULTS;
    const keys = new PageKeys({
      archive,
      imagesByFile: new Map(),
      summaries: new Summaries(site.sections),
      site,
      urls: { siteUrl: "https://archive.example.org", pathPrefix: "/" },
    });
    const record = archive.records.find((one) => one.source.file === file);
    if (record === undefined) throw new Error(`no record of ${file}`);
    return keys.record(record);
  };

  test("changes with the seed's bytes", () => {
    expect(keyOf(seeds("4".repeat(64)), "a3.txt")).not.toBe(keyOf(seeds("3".repeat(64)), "a3.txt"));
  });

  test("changes with what the archive adds: a related link found or lost", () => {
    const sha = "3".repeat(64);
    expect(keyOf(seeds(sha, "Another story"), "a3.txt")).not.toBe(keyOf(seeds(sha), "a3.txt"));
  });

  test("changes with its photo's path, which the files beside its seed decide", () => {
    const sha = "3".repeat(64);
    const withPhoto = (image: string): SeedArticle[] =>
      seeds(sha).map((article, i) =>
        i === 2 ? { ...article, photo: { caption: null, credit: null, image } } : article,
      );
    expect(keyOf(withPhoto("sub/images/a.jpg"), "a3.txt")).not.toBe(keyOf(withPhoto("images/a.jpg"), "a3.txt"));
  });

  test("changes with the URL the archive gives it", () => {
    const sha = "3".repeat(64);
    const clash = seeds(sha).map((article, i) => (i === 0 ? { ...article, headline: "Third story" } : article));
    expect(keyOf(clash, "a3.txt")).not.toBe(keyOf(seeds(sha), "a3.txt"));
  });
});
