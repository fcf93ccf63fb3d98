/** Front matter gets the treatment of scraped text: what HTML, XML and Pagefind cannot carry becomes U+FFFD, with a located warning. */
import { expect, test } from "vitest";
import { parseSeed } from "../src/ingest/parse-seed.ts";
import { SEED_OPTIONS } from "./helpers.ts";

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
