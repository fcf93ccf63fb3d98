/** Warnings after a large build: counted by kind, with the first seeds named; a few are listed in full. */
import { describe, expect, test } from "vitest";
import { warningLines } from "../src/cli/warning-summary.ts";
import type { Problem } from "../src/model/problems.ts";

const undated = (n: number): Problem => ({
  code: "undated",
  file: `page-${n}.txt`,
  line: 3,
  severity: "warning",
  message: "the article has no date and will be listed as undated",
  hint: "add `date:`",
});
const related = (title: string): Problem => ({
  code: "relatedNotFound",
  file: "a.txt",
  line: 9,
  severity: "warning",
  message: `related title not found in the archive: \`${title}\``,
  hint: "add that article's seed",
});

describe("warningLines", () => {
  test("many of one kind are one line with a count and the first three seeds", () => {
    const problems = [...Array.from({ length: 1204 }, (_, n) => undated(n)), related("One"), related("Two")];
    expect(warningLines(problems, "seeds", false)).toEqual([
      "1,204 × warning: the article has no date and will be listed as undated (seeds/page-0.txt:3, seeds/page-1.txt:3, seeds/page-2.txt:3, …)\n  hint: add `date:`",
      "seeds/a.txt:9: warning: related title not found in the archive: `One`\n  hint: add that article's seed",
      "seeds/a.txt:9: warning: related title not found in the archive: `Two`\n  hint: add that article's seed",
      "(`--verbose` lists every warning; `npm run check` lists them all too)",
    ]);
  });

  test("messages of one kind that differ are counted as 'such as' the first", () => {
    const lines = warningLines(["A", "B", "C", "D"].map(related), "seeds", false);
    expect(lines[0]).toBe(
      "4 × warnings such as: related title not found in the archive: `A` (seeds/a.txt:9, seeds/a.txt:9, seeds/a.txt:9, …)\n  hint: add that article's seed",
    );
  });

  test("--verbose lists every one; a few are listed without a note", () => {
    expect(
      warningLines(
        Array.from({ length: 5 }, (_, n) => undated(n)),
        "seeds",
        true,
      ),
    ).toHaveLength(5);
    expect(warningLines([undated(1)], "seeds", false)).toEqual([
      "seeds/page-1.txt:3: warning: the article has no date and will be listed as undated\n  hint: add `date:`",
    ]);
  });
});
