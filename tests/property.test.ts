/**
 * Property-based tests: for generated seeds (paragraphs of any Unicode,
 * header zones in any order and combination) the parser never throws, keeps
 * every paragraph exactly, and the rendered body shows each as text.
 */
import fc from "fast-check";
import { fromHtml } from "hast-util-from-html";
import { selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { describe, expect, test } from "vitest";
import { isFooterStart, isWidgetLine, readReporterTagline } from "../src/ingest/page-chrome.ts";
import { isSalutation, reattachDropCap } from "../src/ingest/parse-body.ts";
import { parseSeed } from "../src/ingest/parse-seed.ts";
import { describesInPresent } from "../src/ingest/photo-tense.ts";
import { paragraphsToTree, renderBodyHtml } from "../src/render/body-html.ts";
import { SEED_OPTIONS, scrapedPage } from "./helpers.ts";

/** Code points a seed can carry as they are (controls and non-characters are replaced, by design). */
const representable = (text: string): boolean => !/[^\P{Cc}]|\p{Noncharacter_Code_Point}|\p{Cs}/u.test(text);

/**
 * One body paragraph: any Unicode on one line, not blank, not starting with
 * white space (an indented line may be a related teaser), ending a sentence
 * (paragraphs that break mid-sentence are read as hard-wrapped print text,
 * and joined, by design).
 */
const paragraph = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 120 })
  .filter((text) => representable(text) && !/\n|\r|\u2028|\u2029/.test(text) && /^\S/u.test(text) && text.trim() !== "")
  .map((text) => `${text}.`)
  // The site's own footers, widgets, taglines and letter salutations are dropped from bodies by design.
  .filter(
    (text) => !isFooterStart(text) && !isWidgetLine(text) && readReporterTagline(text) === null && !isSalutation(text),
  );

const headline = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 80 })
  .map((text) => text.replace(/\s+/gu, " ").trim())
  .filter((text) => text !== "" && representable(text) && !text.startsWith("-") && !text.startsWith("•"))
  // A page titled with a section's name is that section's listing, skipped by design.
  .filter((text) => !SEED_OPTIONS.sectionIndex.has(text.toLowerCase()));

const byline = fc.constantFrom(
  "By Sok Dara",
  "Keo Ratha | The Phnom Penh Post",
  "Soth Koemsoeun, Keo Ratha and Ananth Baliga",
  "Post Staff",
  "ដោយ ហុក ឆាយ",
);
const dateLine = fc.constantFrom(
  "Publication date 24 April 2019 | 10:19 | ICT",
  "Fri, 26 August 2016",
  "Publication date 1 Jan 2020 | 07:05 ICT",
);
const caption = fc.constantFrom(
  "Workers leave a factory on Tuesday. Heng Chivoan",
  "Kem Sokha greets supporters. Photo supplied",
  "កសិករ​ច្រូត​ស្រូវ។ AFP",
);
/** The caption is printed twice in a row, so it is one "line" of two. */
const headerZone = fc
  .tuple(fc.option(byline), fc.option(dateLine), fc.option(caption.map((c) => `${c}\n${c}`)))
  .chain((parts) =>
    fc.shuffledSubarray(
      parts.filter((p): p is string => p !== null),
      { minLength: 0 },
    ),
  );

const seed = fc.record({
  headline,
  header: headerZone,
  body: fc.array(paragraph, { minLength: 1, maxLength: 8 }),
  related: fc.array(fc.record({ title: headline, teaser: headline }), { maxLength: 3 }),
});

describe("generated seeds", () => {
  test("parse without throwing, keep every paragraph exactly, and render each as text", () => {
    fc.assert(
      fc.property(seed, (parts) => {
        fc.pre(!parts.body.includes(parts.headline));
        // A first paragraph such as `T his.` is a split drop cap, re-attached by design.
        fc.pre(reattachDropCap(parts.body[0] ?? "") === parts.body[0]);
        // A short first paragraph worded like a photo's caption, above another, is read as that caption by design.
        fc.pre(parts.body.length === 1 || !describesInPresent(parts.body[0] ?? ""));
        const text = scrapedPage(parts);
        const result = parseSeed(Buffer.from(text), "generated.txt", SEED_OPTIONS);
        const article = result.parsed?.article;
        expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(article?.headline).toBe(parts.headline);
        expect(article?.body).toEqual(parts.body);
        expect(article?.related.map((item) => item.title)).toEqual(parts.related.map((item) => item.title));
        const html = renderBodyHtml(paragraphsToTree(article?.body ?? []), "/");
        const paragraphs = selectAll("p", fromHtml(html, { fragment: true })).map((p) =>
          toText(p, { whitespace: "pre" }),
        );
        expect(paragraphs).toEqual(parts.body);
      }),
      { numRuns: 300 },
    );
  });

  test("never throw on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        parseSeed(bytes, "random.txt", SEED_OPTIONS);
      }),
      { numRuns: 300 },
    );
  });
});
