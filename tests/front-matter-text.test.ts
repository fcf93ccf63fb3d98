/** Seed text the output cannot carry or the parser cannot hold: replaced, reported, or left out with a warning. */
import { expect, test } from "vitest";
import { parseSeed } from "../src/ingest/parse-seed.ts";
import { SCRAPED_PAGE_BYTES } from "../src/model/markdown-limits.ts";
import { SEED_OPTIONS, scrapedPage } from "./helpers.ts";

test("YAML escapes for NUL, control characters and lone surrogates are replaced and reported at their key's line", () => {
  const seed = [
    "---",
    'headline: "Budget \\0 passes \\x07 at last"',
    "date: 2020-01-03",
    'caption: "A lone \\uD800 surrogate"',
    'tags: ["ok", "bell \\a"]',
    "---",
    "",
    "The first paragraph of the article.",
    "",
  ].join("\n");
  const { parsed, problems } = parseSeed(Buffer.from(seed), "escapes.md", SEED_OPTIONS);
  const article = parsed?.article;
  expect(article?.headline).toBe("Budget \uFFFD passes \uFFFD at last");
  expect(article?.photo?.caption).toBe("A lone \uFFFD surrogate");
  expect(article?.tags).toEqual(["ok", "bell \uFFFD"]);
  const warnings = problems.filter((p) => /control or non-character/u.test(p.message));
  expect(warnings.map((p) => [p.line, p.severity])).toEqual([
    [2, "warning"],
    [4, "warning"],
    [5, "warning"],
  ]);
  // Nothing that a well-formed UTF-16 string cannot hold is left.
  expect(JSON.stringify(article)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\\ud800/iu);
});

test("a scraped page over the size limit is left out with a warning, before it is decoded", () => {
  const line = "A line of a page that goes on and on.\n";
  const huge = Buffer.from(
    `Headline of a huge page\n\n${line.repeat(Math.ceil(SCRAPED_PAGE_BYTES / line.length) + 1)}`,
  );
  const { parsed, problems } = parseSeed(huge, "huge.txt", SEED_OPTIONS);
  expect(parsed).toBeNull();
  expect(problems.map((p) => [p.line, p.severity, p.skipped])).toEqual([[1, "warning", true]]);
  expect(problems[0]?.message).toMatch(
    /^the seed file is 8\.0 MiB, over the 8 MiB a scraped page may be; it is left out$/u,
  );
  // Just under the limit it is read as any page.
  const under = Buffer.from(
    scrapedPage({
      headline: "A long page",
      body: Array.from({ length: 1000 }, (_, i) => `Paragraph ${i} of a long page, which goes on.`),
    }),
  );
  expect(parseSeed(under, "long.txt", SEED_OPTIONS).parsed).not.toBeNull();
});
