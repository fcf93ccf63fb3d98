/** The header-zone parsers one by one, over the variants real pages print. */
import { describe, expect, test } from "vitest";
import { readFrontMatter } from "../src/ingest/front-matter.ts";
import { looksLikeByline, parseByline } from "../src/ingest/parse-byline.ts";
import { splitCaptionCredit } from "../src/ingest/parse-caption.ts";
import { parseDateLine, parseIsoDate } from "../src/ingest/parse-date-line.ts";
import { parseTitleLine } from "../src/ingest/parse-title-line.ts";
import { countWords, detectLanguage } from "../src/ingest/text-stats.ts";

const ZONE = "Asia/Phnom_Penh";

describe("parseTitleLine", () => {
  test.each([
    ["Logo of Phnom Penh Post newspaper Phnom Penh Post - Sokha vows neutrality", "Sokha vows neutrality"],
    ["Phnom Penh Post - A - B", "A - B"],
    ["Logo of Phnom Penh Post newspaper Phnom Penh Post | Headline", "Headline"],
    ["Sokha vows neutrality", null],
  ])("%s", (line, headline) => expect(parseTitleLine(line)).toBe(headline));
});

describe("parseDateLine", () => {
  test.each([
    ["Publication date 24 April 2019 | 10:19 | ICT", "2019-04-24T10:19:00+07:00"],
    ["Publication date 05 Dec 2018 | 16:45 ICT", "2018-12-05T16:45:00+07:00"],
    ["Fri, 26 August 2016", "2016-08-26"],
    ["Friday, August 26, 2016", "2016-08-26"],
    ["26 Sept 2016", "2016-09-26"],
    ["Publication date 24 April 2019 | 10:19", "2019-04-24T10:19:00+07:00"],
    ["Published on 24 April 2019, 3:05 pm", "2019-04-24T15:05:00+07:00"],
    ["24 April 2019 | 03:19 | UTC", "2019-04-24T03:19:00Z"],
  ])("%s", (line, iso) => expect(parseDateLine(line, ZONE)).toEqual({ kind: "date", iso }));

  test.each([
    "Publication date 31 February 2019 | 10:19 | ICT",
    "2019-13-45",
    "Fri, 30 Feb 2016",
    "24 April 2019 | 25:10",
  ])("%s does not exist", (line) => expect(parseDateLine(line, ZONE)).toEqual({ kind: "impossible" }));

  test.each([
    "Sokha vows neutrality in Cambodia’s civil service",
    "May Kunmakara",
    "In 24 April 2019 the court ruled",
    "24 Foo 2019",
  ])("%s is not a date line", (line) => expect(parseDateLine(line, ZONE)).toBeNull());
});

describe("parseIsoDate", () => {
  test.each([
    ["2019-04-24", "2019-04-24"],
    ["2019-04-24T10:19", "2019-04-24T10:19:00+07:00"],
    ["2019-04-24T10:19:00+07:00", "2019-04-24T10:19:00+07:00"],
    ["2019-04-24 03:19:00Z", "2019-04-24T03:19:00Z"],
    ["2019-13-45", null],
    ["2019-02-30", null],
    ["yesterday", null],
  ])("%s", (text, iso) => expect(parseIsoDate(text, ZONE)).toBe(iso));
});

describe("parseByline", () => {
  test.each([
    ["Niem Chheng | The Phnom Penh Post", "Niem Chheng | The Phnom Penh Post", ["Niem Chheng"]],
    ["By Kong Meta", "Kong Meta", ["Kong Meta"]],
    ["By Kong Meta and Alex Willemyns", "Kong Meta and Alex Willemyns", ["Kong Meta", "Alex Willemyns"]],
    [
      "Soth Koemsoeun, Niem Chheng and Ananth Baliga",
      "Soth Koemsoeun, Niem Chheng and Ananth Baliga",
      ["Soth Koemsoeun", "Niem Chheng", "Ananth Baliga"],
    ],
    [
      "Soth Koemsoeun, Niem Chheng, and Ananth Baliga",
      "Soth Koemsoeun, Niem Chheng, and Ananth Baliga",
      ["Soth Koemsoeun", "Niem Chheng", "Ananth Baliga"],
    ],
    ["Post Staff", "Post Staff", ["Post Staff"]],
    ["BY AFP", "AFP", ["AFP"]],
    ["ដោយ ហុក ឆាយ និង សុខ ចាន់", "ហុក ឆាយ និង សុខ ចាន់", ["ហុក ឆាយ", "សុខ ចាន់"]],
  ])("%s", (line, byline, authors) => expect(parseByline(line)).toEqual({ byline, authors }));

  test.each([
    "By Kong Meta",
    "Niem Chheng | The Phnom Penh Post",
    "Soth Koemsoeun, Niem Chheng and Ananth Baliga",
    "Post Staff",
    "Xinhua",
  ])("%s reads as a byline", (line) => expect(looksLikeByline(line)).toBe(true));

  test.each([
    "The riel held steady against the US dollar this week, trading at about 4,100 riel.",
    "Three suspects were arrested.",
    "Police said they would enforce the law gradually and fine only repeat offenders for now",
  ])("%s does not", (line) => expect(looksLikeByline(line)).toBe(false));
});

describe("splitCaptionCredit", () => {
  test.each([
    [
      "Kem Sokha greets supporters in Battambang province. Photo supplied",
      "Kem Sokha greets supporters in Battambang province.",
      "Photo supplied",
    ],
    ["Workers leave a factory on Tuesday. Heng Chivoan", "Workers leave a factory on Tuesday.", "Heng Chivoan"],
    [
      "Traffic at rush hour. Will it get better? Khem Sovannara/AFP",
      "Traffic at rush hour. Will it get better?",
      "Khem Sovannara/AFP",
    ],
    ["Fans cheer the team! AFP", "Fans cheer the team!", "AFP"],
    ["He said, “We waited.” Supplied", "He said, “We waited.”", "Supplied"],
    ["កសិករ​ច្រូត​ស្រូវ។ Heng Chivoan", "កសិករ​ច្រូត​ស្រូវ។", "Heng Chivoan"],
    ["កសិករ​ច្រូត​ស្រូវ។Heng Chivoan", "កសិករ​ច្រូត​ស្រូវ។", "Heng Chivoan"],
    ["A farmer in his field. Photo supplied.", "A farmer in his field.", "Photo supplied."],
    ["Protesters outside the court Reuters", "Protesters outside the court", "Reuters"],
    ["Children wade through floodwater on Sunday.", "Children wade through floodwater on Sunday.", null],
    [
      "Children wade. They were going to school on the day the river rose.",
      "Children wade. They were going to school on the day the river rose.",
      null,
    ],
    ["A caption with no punctuation at all", "A caption with no punctuation at all", null],
  ])("%s", (text, caption, credit) => expect(splitCaptionCredit(text)).toEqual({ caption, credit }));
});

describe("front matter", () => {
  test("values are validated and located by line", () => {
    const { findings } = readFrontMatter("---\ntitle: x\ndate: 2019-13-45\nslug: ../../x\n---\nbody\n", ZONE);
    expect(findings.map((f) => [f.line, f.severity, f.message.split(":")[0]])).toEqual([
      [3, "error", "front matter `date` `2019-13-45` is not an ISO 8601 date that exists"],
      [4, "error", "front matter `slug` must be a plain slug such as `national` or `my-story`"],
      [2, "error", "unknown front-matter key `title`"],
    ]);
  });

  test("invalid YAML points at its line", () => {
    const { findings } = readFrontMatter("---\ndate: 2019-04-24\ntags: [a\n---\nbody\n", ZONE);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(3);
    expect(findings[0]?.message).toMatch(/^front matter is not valid YAML/);
  });

  test("content starts after the closing fence", () => {
    const result = readFrontMatter("---\ntags: a, b\n---\nLine one\n", ZONE);
    expect(result).toMatchObject({ data: { tags: ["a", "b"] }, content: "Line one\n", contentLine: 4, findings: [] });
  });
});

describe("text statistics", () => {
  test("English words are spaced tokens", () => expect(countWords(["CNRP-led don’t [the CNRP] 2018 —"])).toBe(5));
  test("Khmer runs are split into dictionary words", () => expect(countWords(["ខ្ញុំស្រលាញ់ប្រទេសកម្ពុជា"])).toBe(4));
  test("language follows the majority script", () => {
    expect(detectLanguage(["ការនាំចេញអង្ករកើនឡើង AFP"])).toBe("km");
    expect(detectLanguage(["Rice exports rise ការនាំចេញ"])).toBe("en");
  });
});
