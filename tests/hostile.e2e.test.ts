/**
 * Hostile seeds: text that looks like code must stay text everywhere (page,
 * feeds, JSON-LD, JSON, search index), nothing may run, nothing is lost, and
 * nothing is written outside the output folder.
 */
import { readFile, readdir, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Element } from "hast";
import { toText } from "hast-util-to-text";
import { fromXml } from "xast-util-from-xml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { CACHE_FOLDER } from "../src/incremental/build-state.ts";
import type { Problem } from "../src/model/problems.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import { listTree, scrapedPage, wholeRecords } from "./helpers.ts";
import { readPage } from "./html.ts";

const SCRIPT = `</script><script>alert("x")</script>`;
const HANDLER = `<img src=x onerror="alert(1)"><a href="javascript:alert(2)" onclick="alert(3)">link</a>`;
const TEMPLATE = "{{ site.title }} {% include 'x.njk' %} {# c #} ${process.env.HOME}";
const XML = "]]> <!-- --> <?xml ?> &amp; &lt;b&gt; <![CDATA[ x ]]>";

const SEEDS: Record<string, string> = {
  "script-everywhere.txt": scrapedPage({
    frontMatter: [
      `byline: ${JSON.stringify(`Evil ${SCRIPT}`)}`,
      `caption: ${JSON.stringify(`Caption ${SCRIPT}`)}`,
      `credit: ${JSON.stringify(`Credit ${SCRIPT}`)}`,
      `tags: [${JSON.stringify(`tag ${SCRIPT}`)}, "../../../etc/passwd"]`,
      `image: "../../outside.jpg"`,
    ].join("\n"),
    headline: `Headline ${SCRIPT} ${TEMPLATE}`,
    body: [`Para ${SCRIPT}`, HANDLER, TEMPLATE, XML, "# heading * list 1. item --- `code` [link](javascript:alert(4))"],
    related: [{ title: `Related ${SCRIPT}`, teaser: `Teaser ${HANDLER}` }],
  }),
  "hostile.md": [
    "---",
    `headline: ${JSON.stringify(`Markdown ${SCRIPT}`)}`,
    "date: 2020-01-01",
    "---",
    'Intro with <script>alert(1)</script> raw HTML and <iframe src="https://evil.example"></iframe>.',
    "",
    '<a href="https://ok.example" onclick="alert(1)">inline anchor</a> <img src="x" onerror="alert(2)">',
    "",
    "[js link](javascript:alert(3)) [data link](data:text/html,<script>alert(4)</script>) ![img](javascript:alert(5)) <javascript:alert(6)>",
    "",
    "[fine link](https://example.org/a?b=1&c=2) and [site link](/about/)",
    "",
  ].join("\n"),
  "long-line.txt": scrapedPage({
    headline: "A very long line",
    body: ["x".repeat(200_000), `${"word ".repeat(30_000)}end.`],
  }),
  "big-body.txt": scrapedPage({
    headline: "A five megabyte body",
    body: Array.from({ length: 5_000 }, (_, i) => `Paragraph ${i}: ${"lorem ipsum dolor sit amet ".repeat(38)}`),
  }),
  "zero-width-rtl.txt": scrapedPage({
    headline: "Zero\u200Bwidth and \u202Eright-to-left\u202C text",
    body: [
      "Joiner\u200D and non\u200Cjoiner, mark\u200E and \u200F",
      "עברית and العربية inline \u2067isolate\u2069 \u202Eoverride\u202C",
      "\uFEFFleading BOM in a paragraph",
    ],
  }),
  "dated-markup.txt": scrapedPage({
    frontMatter: [
      "date: 2021-06-01T09:00:00+07:00",
      'tags: ["C<D", "a & b", "C++", "C", "c#", "Café", "cafe", "CAFE"]',
      `byline: ${JSON.stringify("Sok <b>Dara</b> & Co")}`,
    ].join("\n"),
    headline: "Prices <b>soar</b> & ]]> ends CDATA",
    body: ["Markup <i>in</i> the body & more."],
  }),
  "nul-bytes.txt": scrapedPage({
    headline: "NUL bytes",
    body: ["before\u0000after", "bell\u0007 and escape\u001B[31m red"],
  }),
};

let work: string;
let outDir: string;
let records: ArticleRecord[];
let warnings: Problem[];
let before: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-hostile-"));
  const seedsDir = path.join(work, "seeds");
  outDir = path.join(work, "out", "site");
  await mkdir(seedsDir, { recursive: true });
  for (const [name, text] of Object.entries(SEEDS)) await writeFile(path.join(seedsDir, name), text);
  before = await listTree(work);
  const result = await build({ seedsDir, outDir, quiet: true });
  warnings = result.problems;
  records = await wholeRecords(outDir, result.records);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const recordFor = (file: string): ArticleRecord => {
  const record = records.find((r) => r.source.file === file);
  if (record === undefined) throw new Error(`no record for ${file}`);
  return record;
};

/** Nothing executable: no script but JSON-LD, no handler attributes, no javascript:/data: URLs, no frames. */
function executable(elements: Element[]): string[] {
  return elements.flatMap((element) => {
    const found: string[] = [];
    if (element.tagName === "script" && element.properties["type"] !== "application/ld+json") found.push("script");
    if (["iframe", "object", "embed", "frame"].includes(element.tagName)) found.push(element.tagName);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${element.tagName}[${name}]`);
      if (typeof value === "string" && /^\s*(?:javascript|data|vbscript):/i.test(value))
        found.push(`${element.tagName}[${name}=${value}]`);
    }
    return found;
  });
}

describe("feeds and name pages", () => {
  test("Atom feeds are well-formed and carry headlines, summaries and tags as text", async () => {
    const record = recordFor("dated-markup.txt");
    for (const feedFile of ["feed.xml", path.join("national", "feed.xml")]) {
      const feed = fromXml(await readFile(path.join(outDir, feedFile), "utf8"));
      const entries = xmlElements(feed, "entry");
      const entry = entries.find((e) => xmlElements(e, "title").some((t) => xmlTextOf(t) === record.headline));
      expect(entry).toBeDefined();
      if (entry === undefined) return;
      const [title] = xmlElements(entry, "title");
      expect(title?.attributes["type"]).toBe("text");
      const [summary] = xmlElements(entry, "summary");
      expect(summary?.attributes["type"]).toBe("text");
      expect(xmlTextOf(summary)).toBe("Markup <i>in</i> the body & more.");
      const labels = xmlElements(entry, "category").map((c) => c.attributes["label"]);
      expect(labels).toEqual(expect.arrayContaining(["C<D", "a & b", "C++"]));
      expect(xmlElements(entry, "name").map(xmlTextOf)).toEqual(record.authors);
    }
  });

  test("tags whose slugs collide get pages of their own; names differing only in case or accents share one", async () => {
    const record = recordFor("dated-markup.txt");
    const urlOf = (tag: string): string => record.tagUrls[record.tags.indexOf(tag)] ?? "";
    const distinct = ["C++", "C", "c#", "C<D", "a & b"].map(urlOf);
    expect(new Set(distinct).size).toBe(distinct.length);
    expect(urlOf("Café")).toBe(urlOf("cafe"));
    expect(urlOf("CAFE")).toBe(urlOf("cafe"));
    for (const tag of ["C++", "C", "c#"]) {
      const page = await readPage(outDir, urlOf(tag));
      expect(page.text("h1")).toBe(`Tagged “${tag}”`);
    }
  });
});

type XmlNode = ReturnType<typeof fromXml>["children"][number] | ReturnType<typeof fromXml>;
type XmlElement = Extract<XmlNode, { type: "element" }>;

function xmlElements(node: XmlNode, name: string): XmlElement[] {
  if (!("children" in node)) return [];
  return node.children.flatMap((child) =>
    child.type === "element" ? [...(child.name === name ? [child] : []), ...xmlElements(child, name)] : [],
  );
}

function xmlTextOf(node: XmlElement | undefined): string {
  if (node === undefined) return "";
  return node.children
    .map((child) =>
      child.type === "text" || child.type === "cdata" ? child.value : child.type === "element" ? xmlTextOf(child) : "",
    )
    .join("");
}

describe("hostile seeds", () => {
  test("every seed is an article; damaged text is reported, not dropped", () => {
    expect(records).toHaveLength(Object.keys(SEEDS).length);
    const messages = warnings.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(messages).toContain(
      "nul-bytes.txt:7: 3 control or non-character code points (e.g. NUL) replaced with U+FFFD",
    );
    expect(messages).toContain(
      "script-everywhere.txt:6: image `../../outside.jpg` lies outside the seeds folder (by its real path, links followed); it is not used",
    );
    expect(recordFor("nul-bytes.txt").body).toEqual(["before\uFFFDafter", "bell\uFFFD and escape\uFFFD[31m red"]);
  });

  test("pages: nothing executable, and the text shown literally", async () => {
    for (const record of records) {
      const page = await readPage(outDir, record.url);
      expect(executable(page.all("*")), record.source.file).toEqual([]);
      expect(page.text("h1")).toBe(record.headline);
      if (record.source.file.endsWith(".txt")) {
        // One <p> per paragraph, exact: compared as arrays, since scanning a 5 MB body once per paragraph is quadratic.
        expect(page.all(".body > p").map((p) => toText(p, { whitespace: "pre" }))).toEqual(record.body);
      } else {
        const body = page.text(".body") ?? "";
        for (const paragraph of record.body) expect(body).toContain(paragraph);
      }
      const jsonLd = JSON.parse(page.text("script[type='application/ld+json']") ?? "") as { headline: string };
      expect(jsonLd.headline).toBe(record.headline);
    }
    const evil = recordFor("script-everywhere.txt");
    const page = await readPage(outDir, evil.url);
    expect(page.text(".byline")).toBe(`By Evil ${SCRIPT}`);
    expect(page.text(".caption")).toBe(`Caption ${SCRIPT}`);
    expect(page.text(".credit")).toBe(`Credit ${SCRIPT}`);
    expect(page.text(".related-title")).toBe(`Related ${SCRIPT}`);
    expect(page.text(".related .teaser")).toBe(`Teaser ${HANDLER}…`);
    expect(page.all(".tags a").map((a) => toText(a))).toEqual([`tag ${SCRIPT}`, "../../../etc/passwd"]);
    expect(page.text("title")).toBe(`${evil.headline} | Phnom Penh Post archive`);
    expect(page.all("meta[property='og:title']").map((m) => m.properties["content"])).toEqual([evil.headline]);
  });

  test("markdown keeps its safe structure and loses every unsafe part", async () => {
    const page = await readPage(outDir, recordFor("hostile.md").url);
    expect(executable(page.all("*"))).toEqual([]);
    const links = page.all(".body a").map((a) => [toText(a), a.properties["href"] ?? null]);
    expect(links).toEqual([
      ["js link", null],
      ["data link", null],
      ["javascript:alert(6)", null],
      ["fine link", "https://example.org/a?b=1&c=2"],
      ["site link", "/about/"],
    ]);
    expect(page.all(".body img").every((img) => img.properties["src"] === undefined)).toBe(true);
  });

  test("feeds and JSON carry the text as text", async () => {
    const atom = fromXml(await readFile(path.join(outDir, "feed.xml"), "utf8"));
    const titles: string[] = [];
    const visit = (node: typeof atom | (typeof atom)["children"][number]): void => {
      if (node.type === "element" && node.name === "title")
        titles.push(node.children.map((c) => ("value" in c ? c.value : "")).join(""));
      if ("children" in node) node.children.forEach(visit);
    };
    visit(atom);
    expect(titles).toContain(`Markdown ${SCRIPT}`);
    const json = JSON.parse(await readFile(path.join(outDir, "feed.json"), "utf8")) as { items: { title: string }[] };
    expect(json.items.map((item) => item.title)).toContain(`Markdown ${SCRIPT}`);
  });

  test("the search index holds every article, one shard per year", async () => {
    const shards = await readdir(path.join(outDir, "pagefind"));
    expect(shards.sort()).toEqual([...new Set(records.map((r) => r.date?.slice(0, 4) ?? "undated"))].sort());
    let pages = 0;
    for (const shard of shards) {
      const entry = JSON.parse(await readFile(path.join(outDir, "pagefind", shard, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      pages += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      // The JS API the search page uses is there; Pagefind's own UIs are not shipped.
      const files = await readdir(path.join(outDir, "pagefind", shard));
      expect(files).toContain("pagefind.js");
      expect(files.filter((file) => file.includes("-ui."))).toEqual([]);
    }
    expect(pages).toBe(records.length);
  });

  test("nothing is written outside the output folder but the build's own cache beside it", async () => {
    const after = await listTree(work);
    const cache = path.join("out", CACHE_FOLDER);
    const outside = after.filter(
      (entry) =>
        entry !== "out" &&
        !entry.startsWith(path.join("out", "site")) &&
        !entry.startsWith(cache) &&
        !before.includes(entry),
    );
    expect(outside).toEqual([]);
    const cached = after.filter((entry) => entry.startsWith(`${path.join(cache, "site")}${path.sep}`));
    expect(cached).toContain(path.join(cache, "site", "build-state.sqlite"));
    // The published site lives in the cache folder too (`out/site` links to it).
    const sites = path.join(cache, "site", "sites");
    expect(
      cached.filter(
        (entry) => !/archive\.v8$|(?:build-lock|build-state|records)\.sqlite$/.test(entry) && !entry.startsWith(sites),
      ),
    ).toEqual([]);
    const tagPage = await readPage(outDir, "/tag/etcpasswd/");
    expect(tagPage.text("h1")).toBe("Tagged “../../../etc/passwd”");
  });
});
