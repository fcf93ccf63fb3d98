/** The original scraped page in `seeds/` parses to exactly the record a reader sees on the site. */
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { buildArchive } from "../src/archive/build-archive.ts";
import { parseSeed } from "../src/ingest/parse-seed.ts";
import { REAL_SEED, SEED_OPTIONS } from "./helpers.ts";

const bytes = await readFile(REAL_SEED);
const result = parseSeed(bytes, "000_e0ac2be6c21d23bc.txt", SEED_OPTIONS);
const article = result.parsed?.article;

describe("the real seed 000_e0ac2be6c21d23bc.txt", () => {
  test("parses without errors", () => {
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(article).toBeDefined();
  });

  test("header fields", () => {
    expect(article?.headline).toBe("Sokha vows neutrality in Cambodia\u2019s civil service");
    expect(article?.byline).toBeNull();
    expect(article?.authors).toEqual([]);
    expect(article?.date).toBeNull();
    expect(article?.section).toBe("national");
    expect(article?.photo).toEqual({
      caption:
        "Opposition deputy leader Kem Sokha greets supporters over the weekend at a Cambodia National Rescue Party event in Battambang province.",
      credit: "Photo supplied",
      image: null,
    });
  });

  test("13 body paragraphs, exact text", () => {
    expect(article?.body).toHaveLength(13);
    expect(article?.body[0]).toBe(
      "Cambodia\u2019s civil servants and security forces must be politically neutral, and will be if the Cambodia National Rescue Party takes power after the 2018 election, acting opposition leader Kem Sokha told supporters in Banteay Meanchey on Saturday.",
    );
    expect(article?.body[9]).toBe(
      "\u201cThis law, [the CNRP] passed with Cambodian People\u2019s Party too,\u201d he said.",
    );
    expect(article?.body[12]).toBe(
      "Panha urged both parties to review and debate the law on political parties to ensure there was clarity in its interpretation.",
    );
    const text = bytes.toString("utf8");
    for (const paragraph of article?.body ?? []) expect(text).toContain(`\n${paragraph}\n`);
  });

  test("4 related items with titles and cut-off teasers", () => {
    expect(article?.related.map((item) => item.title)).toEqual([
      "US to ramp up sanctions after \u2018flawed\u2019 national polls",
      "PM's Bodyguard commander hits back at US",
      "Final poll results confirm first single-party Assembly",
      "UN: Large number of voters \u2018alienated\u2019",
    ]);
    expect(article?.related[0]?.teaser).toMatch(
      /^At a press conference on Wednesday, .* regarded the July 29 elections$/,
    );
    expect(article?.related.every((item) => item.url === null && item.teaser !== null)).toBe(true);
  });

  test("word count and source", () => {
    // Counted by hand (`wc -w` over the 13 body paragraphs): every token of this body has a letter or digit.
    expect(article?.wordCount).toBe(419);
    expect(article?.language).toBe("en");
    // The digest as `sha256sum seeds/000_e0ac2be6c21d23bc.txt` prints it.
    expect(article?.source).toEqual({
      file: "000_e0ac2be6c21d23bc.txt",
      sha256: "b50b89d55714b46f501068680d5d27210069742cd3930aceb6f9996314a225d0",
      url: null,
      fetched: null,
    });
  });
});

describe("problems point at their line", () => {
  test("a related title not found in the archive points at its `•` line", () => {
    if (article === undefined) throw new Error("the real seed did not parse");
    const archive = buildArchive([article], {
      timeZone: SEED_OPTIONS.timeZone,
      sectionNames: SEED_OPTIONS.sectionNames,
      pageSize: 20,
      moreInSection: 4,
    });
    const bulletLines = bytes
      .toString("utf8")
      .split("\n")
      .flatMap((line, i) => (line.trimStart().startsWith("•") ? [i + 1] : []));
    expect(bulletLines).toHaveLength(4);
    const related = archive.problems.filter((p) => p.message.startsWith("related title not found"));
    expect(related.map((p) => p.line)).toEqual(bulletLines);
  });
});
