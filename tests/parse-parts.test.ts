/** The header-zone parsers one by one, over the variants real pages print. */
import { describe, expect, test } from "vitest";
import { readFrontMatter } from "../src/ingest/front-matter.ts";
import { headlineMatcher, isAltPlaceholder, isCaptionCopy, isJunkAlt } from "../src/ingest/header-lines.ts";
import { isFooterStart, isWidgetLine, readReporterTagline, readTopChrome } from "../src/ingest/page-chrome.ts";
import { reattachDropCap } from "../src/ingest/parse-body.ts";
import { looksLikeByline, parseByline } from "../src/ingest/parse-byline.ts";
import { labelledCredit, splitCaptionCredit } from "../src/ingest/parse-caption.ts";
import { parseDateLine, parseIsoDate } from "../src/ingest/parse-date-line.ts";
import { parseTitleLine } from "../src/ingest/parse-title-line.ts";
import { isSpaceCode } from "../src/ingest/char-classes.ts";
import { countWords } from "../src/ingest/text-stats.ts";
import { mixedTexts } from "./helpers.ts";
import { detectLanguage } from "../src/model/language.ts";

const ZONE = "Asia/Phnom_Penh";

describe("parseTitleLine", () => {
  test.each([
    ["Logo of Phnom Penh Post newspaper Phnom Penh Post - Sokha vows neutrality", "Sokha vows neutrality"],
    ["Phnom Penh Post - A - B", "A - B"],
    ["Logo of Phnom Penh Post newspaper Phnom Penh Post | Headline", "Headline"],
    ["Dragon boats gather | Phnom Penh Post", "Dragon boats gather"],
    ["Cambodia - Thailand: talks | The Phnom Penh Post", "Cambodia - Thailand: talks"],
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
    // A print issue's period is dated by its first day; the year printed is the last day's.
    ["April 24 to May 7 1998", "1998-04-24"],
    ["24 April - 7 May, 1998", "1998-04-24"],
    ["March 7 - 20, 1997", "1997-03-07"],
    ["Dec 25 - Jan 7, 1999", "1998-12-25"],
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
    ["Keo Ratha | The Phnom Penh Post", "Keo Ratha | The Phnom Penh Post", ["Keo Ratha"]],
    ["By Sok Dara", "Sok Dara", ["Sok Dara"]],
    ["Photo Essay by Chhay Ratha", "Photo Essay by Chhay Ratha", ["Chhay Ratha"]],
    [
      "Courtesy of Heng Sovann, Head of Research, Mekong Capital",
      "Courtesy of Heng Sovann, Head of Research, Mekong Capital",
      ["Heng Sovann"],
    ],
    [
      "Sok Chea; Additional reporting by Pen Sophal",
      "Sok Chea; Additional reporting by Pen Sophal",
      ["Sok Chea", "Pen Sophal"],
    ],
    ["By Sok Dara and Alex Whitfield", "Sok Dara and Alex Whitfield", ["Sok Dara", "Alex Whitfield"]],
    [
      "Soth Koemsoeun, Keo Ratha and Ananth Baliga",
      "Soth Koemsoeun, Keo Ratha and Ananth Baliga",
      ["Soth Koemsoeun", "Keo Ratha", "Ananth Baliga"],
    ],
    [
      "Soth Koemsoeun, Keo Ratha, and Ananth Baliga",
      "Soth Koemsoeun, Keo Ratha, and Ananth Baliga",
      ["Soth Koemsoeun", "Keo Ratha", "Ananth Baliga"],
    ],
    ["Post Staff", "Post Staff", ["Post Staff"]],
    ["BY AFP", "AFP", ["AFP"]],
    ["ដោយ ហុក ឆាយ និង សុខ ចាន់", "ហុក ឆាយ និង សុខ ចាន់", ["ហុក ឆាយ", "សុខ ចាន់"]],
  ])("%s", (line, byline, authors) => expect(parseByline(line)).toEqual({ byline, authors }));

  test.each([
    "By Sok Dara",
    "Keo Ratha | The Phnom Penh Post",
    "Soth Koemsoeun, Keo Ratha and Ananth Baliga",
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
    ["A nurse at work on Thursday. Photo by: Chhim Sopheark", "A nurse at work on Thursday.", "Chhim Sopheark"],
    ["Shoppers at the market on Friday. POST PIX", "Shoppers at the market on Friday.", "POST PIX"],
    ["Fans at the concert FACEBOOK", "Fans at the concert", "FACEBOOK"],
    [
      "Leaders at the summit. Noel Celis/Getty Images North America/AFP",
      "Leaders at the summit.",
      "Noel Celis/Getty Images North America/AFP",
    ],
    // A quote closed after a comma ends no sentence, and a lowercase tail is no credit.
    [
      '"I consider it my internship," the publisher of a weekly wrote',
      '"I consider it my internship," the publisher of a weekly wrote',
      null,
    ],
    ["“We will win,” he said", "“We will win,” he said", null],
    [
      "The court. Sereypheap Thmei (New Liberty News) publisher",
      "The court. Sereypheap Thmei (New Liberty News) publisher",
      null,
    ],
  ])("%s", (text, caption, credit) => expect(splitCaptionCredit(text)).toEqual({ caption, credit }));

  test.each([
    ["Photo by: Vireak Mai", "Vireak Mai"],
    ["Photograph: Sovan Philong", "Sovan Philong"],
    ["Photos: Heng Chivoan/AFP", "Heng Chivoan/AFP"],
    ["Photo supplied", null],
    ["Vireak Mai", null],
  ])("credit line %s", (line, credit) => expect(labelledCredit(line)).toBe(credit));
});

describe("page chrome", () => {
  test.each([
    ["Search form", null],
    ["Subscribe Search", null],
    ["Search", null],
    ["Login - Register | FOLLOW US ON", null],
    ["Logo of Phnom Penh Post newspaper", null],
    [" date 2017-01-30 Search form", "2017-01-30"],
    ["date 2016-12-23", "2016-12-23"],
  ])("%s is navigation", (line, crawlerDate) => expect(readTopChrome(line)).toEqual({ crawlerDate }));

  test.each(["Search for jobs in Phnom Penh", "date 2017-01-30 Phnom Penh floods", "Sokha vows neutrality"])(
    "%s is not navigation",
    (line) => expect(readTopChrome(line)).toBeNull(),
  );

  test.each([
    "[email protected]",
    "Email: [email protected]",
    "More Topic",
    "Video",
    "Facebook | Twitter",
    "Content image - Phnom Penh Post",
  ])("%s is a widget line", (line) => expect(isWidgetLine(line)).toBe(true));

  test.each([
    "Write to the editor at the address below.",
    "Video footage shows the crash.",
    "Facebook said it removed the page.",
  ])("%s is text", (line) => expect(isWidgetLine(line)).toBe(false));

  test.each([
    "Contact PhnomPenh Post for full article",
    "RECOMMENDED STORIES",
    "Post Media Co Ltd",
    "0 Comments",
    "Add new comment",
  ])("%s starts the footer", (line) => expect(isFooterStart(line)).toBe(true));

  test.each([
    "Comments from the ministry were not available.",
    "Related: a story about the court",
    "Shares in Post Media Co Ltd changed hands last year.",
  ])("%s does not start the footer", (line) => expect(isFooterStart(line)).toBe(false));

  test.each([
    ["To contact the reporter on this story: Khouth Sophak Chakrya at", ["Khouth Sophak Chakrya"]],
    [
      "To contact the reporters on this story: Khy Sovuthy at [email protected] and Kim Sarom at [email protected]",
      ["Khy Sovuthy", "Kim Sarom"],
    ],
    ["The reporter on this story said nothing.", null],
  ])("tagline %s", (line, names) => expect(readReporterTagline(line)).toEqual(names));
});

describe("image alt text and caption copies", () => {
  test.each(["110217_8b", "5dengue fever", "IMG_2041.jpg", "DSC01234"])("%s is a file name", (line) =>
    expect(isJunkAlt(line)).toBe(true),
  );
  test.each(["Hun Sen", "7Days", "G20 summit opens", "Workers leave a factory."])("%s is not a file name", (line) =>
    expect(isJunkAlt(line)).toBe(false),
  );
  test("the site's alt-text placeholder", () => {
    expect(isAltPlaceholder("Content image - Phnom Penh Post")).toBe(true);
    expect(isAltPlaceholder("Content of the report")).toBe(false);
  });
  test.each([
    ["A bus on Russian Boulevard.", "A bus waits for passengers on Russian Boulevard near the airport. Supplied", true],
    ["Workers leave a factory.", "Workers leave a factory. Heng Chivoan", true],
    ["Workers leave a factory.", "Workers leave a factory.", true],
    ["Post Staff", "Post Staff", false],
    ["Police seize drugs at the border", "The Ministry of Interior said on Monday that it would appeal.", false],
  ])("%s / %s", (first, second, copy) => expect(isCaptionCopy(first, second)).toBe(copy));
});

describe("headline copies", () => {
  const isHeadline = headlineMatcher(["Kingdom\u2019s rice  exports rise", "RICE EXPORTS RISE | National"]);
  test("spacing and letter case aside", () => {
    expect(isHeadline("  kingdom\u2019s RICE exports\trise ")).toBe(true);
    expect(isHeadline("rice exports rise | national")).toBe(true);
  });
  test("other lines, and longer ones that contain the headline, are not copies", () => {
    expect(isHeadline("Kingdom\u2019s rice exports rose")).toBe(false);
    expect(isHeadline(`Kingdom\u2019s rice exports rise ${"and more words ".repeat(40)}`)).toBe(false);
    // Whitespace collapses: a long line of mostly spaces can still be a copy.
    expect(isHeadline(`Kingdom\u2019s${" ".repeat(500)}rice exports rise`)).toBe(true);
    expect(headlineMatcher([])("anything")).toBe(false);
  });
});

describe("drop caps", () => {
  test.each([
    ["T his issue", "This issue"],
    ["T WO new ministers", "TWO new ministers"],
    ["A n early warning", "An early warning"],
    ["I t was", "It was"],
    ["A new law", "A new law"],
    ["I am here", "I am here"],
    ["A US official", "A US official"],
    ["O Smach market", "O Smach market"],
    ["PRINCE Norodom", "PRINCE Norodom"],
  ])("%s", (text, fixed) => expect(reattachDropCap(text)).toBe(fixed));
});

describe("front matter", () => {
  test.each(["Business", "business", "BUSINESS", " Business "])("section %j resolves to its slug", (section) => {
    const { data, findings } = readFrontMatter(`---\nsection: ${JSON.stringify(section)}\n---\nbody\n`, ZONE, {
      business: "Business",
    });
    expect(findings).toEqual([]);
    expect(data.section).toBe("business");
  });

  test("a section that is neither a slug nor a configured name is an error", () => {
    const { findings } = readFrontMatter("---\nsection: Siem Reap Insider\n---\nbody\n", ZONE, {
      business: "Business",
    });
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[2, "error"]]);
  });

  test("values are validated and located by line, in line order", () => {
    const { findings } = readFrontMatter("---\ntitle: x\ndate: 2019-13-45\nslug: ../../x\n---\nbody\n", ZONE);
    expect(findings.map((f) => [f.line, f.severity, f.message.split(":")[0]])).toEqual([
      [2, "error", "unknown front-matter key `title`"],
      [3, "error", "front matter `date` `2019-13-45` is not an ISO 8601 date that exists"],
      [4, "error", "front matter `slug` must be a plain slug such as `national` or `my-story`"],
    ]);
  });

  test("a misspelt section is an error with a did-you-mean, not a new section", () => {
    const { findings } = readFrontMatter("---\nheadline: x\nsection: bussiness\n---\nbody\n", ZONE, {
      business: "Business",
      sport: "Sport",
    });
    expect(findings.map((f) => `${f.line}: ${f.message}`)).toEqual([
      "3: front matter `section` `bussiness` is not a configured section; did you mean business?",
    ]);
    expect(findings[0]?.hint).toMatch(/add it to `sections` in site.config.json/u);
  });

  test("a colon in an unquoted value is one message that says to quote it", () => {
    const { findings } = readFrontMatter("---\nheadline: Minimum wage: set at $182\n---\nbody\n", ZONE);
    expect(findings.map((f) => [f.line, f.message, f.hint])).toEqual([
      [
        2,
        "front matter `headline` has a `: ` in its value, which YAML reads as a new key",
        'put the value in quotes: headline: "…"',
      ],
    ]);
  });

  test("one mistake keeps every valid key, so it does not cascade", () => {
    const { data, findings } = readFrontMatter(
      "---\nheadline: Kept headline\ndate: 2019-13-45\ntitel: typo\nsection: Business\n---\nbody\n",
      ZONE,
      { business: "Business" },
    );
    expect(findings.map((f) => f.line)).toEqual([3, 4]);
    expect(data).toEqual({ headline: "Kept headline", section: "business" });
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
  test("isSpaceCode is \\s, code unit for code unit", () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isSpaceCode(code) !== /\s/u.test(String.fromCharCode(code))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
  test("English words counted by code units equal tokens split on \\s+ with a letter or digit", () => {
    const pieces = [
      "rice",
      " ",
      "\u00a0",
      "—",
      "2018",
      "\t",
      "é",
      "\u{1d400}",
      "\u3000",
      "-",
      "’",
      "\ud835",
      "!",
      "\n",
    ];
    for (const text of mixedTexts(pieces, 12, 500, 7)) {
      const tokens = text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
      expect(countWords([text]), JSON.stringify(text)).toBe(tokens);
    }
  });
  test("paragraphs with and without Khmer count the same way", () =>
    expect(countWords(["  Rice — exports 2018 ", "AFP ខ្ញុំស្រលាញ់ប្រទេសកម្ពុជា — rice"])).toBe(3 + 6));
  test("language follows the majority script", () => {
    expect(detectLanguage(["ការនាំចេញអង្ករកើនឡើង AFP"])).toBe("km");
    expect(detectLanguage(["Rice exports rise ការនាំចេញ"])).toBe("en");
  });
});
