/** Seed articles for unit tests, with only what a test cares about spelled out. */
import type { SeedArticle } from "../src/model/record.ts";

let counter = 0;

export function seedArticle(fields: Partial<SeedArticle> & { headline: string }): SeedArticle {
  counter += 1;
  const file = fields.source?.file ?? `seed-${String(counter).padStart(4, "0")}.txt`;
  return {
    kicker: null,
    standfirst: null,
    byline: null,
    authors: [],
    date: null,
    section: "national",
    tags: [],
    photo: null,
    body: ["A paragraph."],
    markdown: null,
    related: [],
    subheads: [],
    wordCount: 2,
    truncated: false,
    language: "en",
    explicitSlug: null,
    source: { file, sha256: counter.toString(16).padStart(64, "0"), url: null, fetched: null },
    ...fields,
  };
}
