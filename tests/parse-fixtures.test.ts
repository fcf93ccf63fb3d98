/**
 * Fixture pairs: `tests/fixtures/parse/<variant>/seed.*` and the
 * `expected.json` it must parse to (record fields and problems).
 * `UPDATE=1 npx vitest run tests/parse-fixtures.test.ts` rewrites them.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseSeed } from "../src/ingest/parse-seed.ts";
import { SEED_OPTIONS, UPDATE, parseFixtures } from "./helpers.ts";

const fixtures = await parseFixtures();

describe("seed fixtures", () => {
  test("cover every layout variant", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(53);
  });

  test.each(fixtures)("$name", async ({ dir, seedFile }) => {
    const result = parseSeed(await readFile(path.join(dir, seedFile)), seedFile, SEED_OPTIONS);
    const actual = { article: result.parsed?.article ?? null, problems: result.problems };
    const expectedFile = path.join(dir, "expected.json");
    if (UPDATE) await writeFile(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(await readFile(expectedFile, "utf8")));
  });
});
