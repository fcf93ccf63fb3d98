/**
 * Fixture pairs: `tests/fixtures/parse/<variant>/seed.*` and the
 * `expected.json` it must parse to (record fields and problems).
 * `UPDATE=1 npx vitest run tests/parse-fixtures.test.ts` rewrites them.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";
import { LINE_ROLES, LineRoles } from "../src/ingest/line-roles.ts";
import { explainSeed, parseSeed } from "../src/ingest/parse-seed.ts";
import { PARSE_FIXTURES, SEED_OPTIONS, UPDATE, parseFixtures } from "./helpers.ts";

const fixtures = await parseFixtures();

describe("seed fixtures", () => {
  test("show every role a line can have, so every rule of the parser has a fixture that needs it", async () => {
    const seen = new Set<string>();
    for (const { dir, seedFile } of fixtures) {
      const explained = explainSeed(await readFile(path.join(dir, seedFile)), seedFile, SEED_OPTIONS);
      for (const line of explained.lines) seen.add(line.role);
    }
    // `not read` is for a line no rule claims: no fixture should have one.
    expect(LINE_ROLES.filter((role) => !seen.has(role))).toEqual(["not read"]);
  });

  test("the role of each line is written out only when explaining, not for every seed a build parses", async () => {
    const { dir, seedFile } = fixtures[0] ?? { dir: "", seedFile: "" };
    const bytes = await readFile(path.join(dir, seedFile));
    const explain = vi.spyOn(LineRoles.prototype, "explain");
    try {
      parseSeed(bytes, seedFile, SEED_OPTIONS);
      expect(explain).not.toHaveBeenCalled();
      expect(explainSeed(bytes, seedFile, SEED_OPTIONS).lines.length).toBeGreaterThan(0);
      expect(explain).toHaveBeenCalledTimes(1);
    } finally {
      explain.mockRestore();
    }
  });

  test("a caption printed twice with a blank line between is a caption, never a byline, and raises no warning", async () => {
    for (const name of ["caption-copies-blank-between", "caption-copies-blank-between-with-byline"]) {
      const dir = path.join(PARSE_FIXTURES, name);
      const seed = await readFile(path.join(dir, "seed.txt"), "utf8");
      const { parsed, problems } = parseSeed(Buffer.from(seed), "seed.txt", SEED_OPTIONS);
      const caption = parsed?.article.photo?.caption ?? "";
      expect(caption).not.toBe("");
      expect(parsed?.article.authors.some((author) => caption.includes(author) || author.includes(caption))).toBe(
        false,
      );
      expect(problems.filter((p) => /header line/.test(p.message))).toEqual([]);
    }
  });

  test.each(fixtures)("$name", async ({ dir, seedFile }) => {
    const result = parseSeed(await readFile(path.join(dir, seedFile)), seedFile, SEED_OPTIONS);
    const actual = { article: result.parsed?.article ?? null, problems: result.problems };
    const expectedFile = path.join(dir, "expected.json");
    if (UPDATE) await writeFile(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(await readFile(expectedFile, "utf8")));
  });
});
