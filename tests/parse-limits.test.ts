/** Seeds made to hurt the parser: huge and repetitive ones parse in linear time, and links without a scheme go. */
import { describe, expect, test } from "vitest";
import { parseSeed } from "../src/ingest/parse-seed.ts";
import { renderBodyHtml } from "../src/render/body-html.ts";
import { SEED_OPTIONS, scrapedPage } from "./helpers.ts";

const good = (headline: string): string =>
  scrapedPage({ headline, header: ["Publication date 3 May 2019 | 10:00 | ICT"], body: [`The body of ${headline}.`] });

describe("linear parsing", () => {
  // Half a megabyte: a quadratic pass over it takes a quarter of the 30 s one took over a megabyte.
  const MB = 1 << 19;
  test(
    "a 150 KB byline of spaces and half-megabyte seeds of many shapes parse without quadratic blow-up",
    () => {
      const byline = `---\nbyline: "Kem ${" ".repeat(150_000)}, Sokha ${" ".repeat(150_000)}| Post"\n---\n${good("Spaces")}`;
      const shapes = [
        byline,
        "|".repeat(MB),
        ".".repeat(MB),
        "x".repeat(MB),
        `${"x".repeat(MB / 2)} | ${" ".repeat(MB / 2)}`,
        "[email protected] ".repeat(MB / 20),
        // 44,000 one-letter paragraphs: quadratic in paragraphs would be billions of steps.
        "a\n\n".repeat(MB / 12),
        "កម្ពុជា".repeat(MB / 8),
        `Headline\n\n${" ,".repeat(MB / 2)}x\n`,
      ];
      for (const text of shapes) {
        const result = parseSeed(Buffer.from(text), "shape.txt", SEED_OPTIONS);
        // Read as an article, or left out with a problem that says why: never both, never neither.
        expect(result.parsed === null, text.slice(0, 20)).toBe(
          result.problems.some((p) => p.skipped === true || p.severity === "error"),
        );
      }
      const bylined = parseSeed(Buffer.from(byline), "byline.txt", SEED_OPTIONS).parsed?.article;
      expect(bylined?.authors).toEqual(["Kem", "Sokha"]);
    },
    // The quadratic versions took 30 s and more for one megabyte, so 7 s and more for these; the linear ones take about a second in all.
    6_000,
  );
});

describe("markdown links", () => {
  test("//host links are external, not site-relative: without http(s) they are dropped", () => {
    const parsed = parseSeed(
      Buffer.from("# Links\n\n[elsewhere](//evil.example/path) [home](/about/) ![x](//evil.example/x.png)\n"),
      "links.md",
      SEED_OPTIONS,
    );
    const html = renderBodyHtml(parsed.parsed?.article.markdown ?? { type: "root", children: [] }, "/archive/");
    expect(html).toContain('<a href="/archive/about/">home</a>');
    expect(html).toContain("<a>elsewhere</a>");
    expect(html).not.toContain("evil.example");
    expect(html).not.toContain("<img");
  });
});
