/** What goes into the search index for an article: its text, nothing else, and Khmer split into words. */
import { describe, expect, test } from "vitest";
import { spaceKhmerWords } from "../src/model/khmer-words.js";
import { searchRecord } from "../src/render/search-index.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import { summarize } from "../src/render/summary.ts";

const record: ArticleRecord = {
  slug: "x",
  url: "/national/x/",
  headline: "Headline text",
  kicker: null,
  standfirst: null,
  byline: "Sok Dara and Alex Whitfield",
  authors: ["Sok Dara", "Alex Whitfield"],
  authorUrls: ["/author/sok-dara/", "/author/alex-whitfield/"],
  date: "2019-04-24T10:19:00+07:00",
  section: "national",
  tags: [],
  tagUrls: [],
  photo: { caption: "A caption.", credit: "AFP", image: null },
  body: ["First <b>paragraph</b> {{ x }}.", "Second paragraph.", "កម្ពុជា​បាន​នាំចេញ​អង្ករ"],
  markdown: null,
  related: [{ title: "Related title", teaser: "Teaser", url: null, line: 12 }],
  subheads: [],
  wordCount: 10,
  truncated: false,
  language: "en",
  source: { file: "x.txt", sha256: "0".repeat(64), url: null, fetched: null },
};

function entryOf(r: ArticleRecord, pathPrefix: string) {
  return searchRecord(r, summarize(r, {}), pathPrefix);
}

describe("search records", () => {
  test("hold headline, byline, caption, credit and every paragraph, not related items or navigation", () => {
    const entry = entryOf(record, "/archive/");
    for (const part of [
      "Headline text",
      "Sok Dara and Alex Whitfield",
      "A caption.",
      "AFP",
      record.body[0],
      record.body[1],
    ]) {
      expect(entry.content).toContain(part);
    }
    expect(entry.content).toContain("កម្ពុជា បាន នាំចេញ អង្ករ");
    // Excerpts come from the content: it opens with the article text, not the headline and byline.
    expect(entry.content.startsWith(record.body[0] ?? "-")).toBe(true);
    expect(entry.content).not.toContain("Related title");
    expect(entry.url).toBe("/archive/national/x/");
    expect(entry.filters).toEqual({ section: ["National"], author: ["Sok Dara", "Alex Whitfield"], year: ["2019"] });
    expect(entry.sort).toEqual({ date: "2019-04-24T10:19:00+07:00" });
  });

  test("undated articles get the Undated year and sort last", () => {
    const entry = entryOf({ ...record, date: null }, "/");
    expect(entry.filters?.["year"]).toEqual(["Undated"]);
    expect(entry.sort).toEqual({ date: "0000" });
  });

  test("Khmer runs are split into words; other text is untouched", () => {
    expect(spaceKhmerWords("ការនាំចេញអង្ករកើនឡើង AFP, 2020!")).toBe("ការនាំចេញ អង្ករ កើនឡើង AFP, 2020!");
  });
});
