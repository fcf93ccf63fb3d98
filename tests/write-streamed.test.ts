/** Large files written from their parts hold exactly the parts, joined, in UTF-8. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { expect, test } from "vitest";
import { jsonLines, writeStreamed } from "../src/util/write-streamed.ts";
import { withTempDir } from "./helpers.ts";

const MEGABYTE = 2 ** 20;

// Files of up to a few megabytes; the large parts are rarer than the small ones, so each file
// crosses a write's megabyte a few times rather than dozens.
test("any parts, small and large, with Khmer, emoji and other multi-byte text", async () => {
  await withTempDir(async (dir) => {
    const file = path.join(dir, "out.txt");
    const part = fc.oneof(
      { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 5 },
      { arbitrary: fc.constantFrom("ព្រះរាជាណាចក្រកម្ពុជា", "👩🏽‍💻", "é", ""), weight: 5 },
      // Past a write's megabyte: alone, and beside small parts.
      { arbitrary: fc.nat(3).map((n) => "ក".repeat(MEGABYTE / 3 + n) + "x".repeat(n)), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 60 }), async (parts) => {
        await writeStreamed(file, parts);
        expect(await readFile(file, "utf8")).toBe(parts.join(""));
      }),
      { numRuns: 60 },
    );
  });
}, 30_000);

test("many small parts fill several writes in order", async () => {
  await withTempDir(async (dir) => {
    const file = path.join(dir, "lines.json");
    const items = Array.from({ length: 30_000 }, (_, i) => ({
      n: i,
      text: `ជំពូក ${i} — “quoted” ${"·".repeat(i % 50)}`,
    }));
    await writeStreamed(file, jsonLines(items));
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(items);
  });
});
