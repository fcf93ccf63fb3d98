/**
 * The archive site built from every fixture: pages, links, feeds, sitemap,
 * structured data, validity and weight, read back with real parsers.
 */
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Element as XmlElement, Root as XmlRoot } from "xast";
import { fromXml } from "xast-util-from-xml";
import { select } from "hast-util-select";
import { toText } from "hast-util-to-text";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import { writeFixtureSeeds } from "./helpers.ts";
import { attribute, readPage, xmlElements } from "./html.ts";
import { crawl, fileForUrl, htmlFiles, pageWeight, validateHtml } from "./site-check.ts";

const SITE_URL = "https://archive.example.org";
const BASE = "/ppp/archive/";
let work: string;
let outDir: string;
let baseOutDir: string;
let records: ArticleRecord[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-site-"));
  const seedsDir = path.join(work, "seeds");
  outDir = path.join(work, "site");
  baseOutDir = path.join(work, "site-under-base");
  await writeFixtureSeeds(seedsDir, { image: true });
  records = (await build({ seedsDir, outDir, quiet: true, site: { siteUrl: SITE_URL } })).records;
  await build({ seedsDir, outDir: baseOutDir, base: BASE, quiet: true, site: { siteUrl: SITE_URL } });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function xmlText(node: XmlElement): string {
  return node.children
    .map((child) =>
      child.type === "text" || child.type === "cdata" ? child.value : child.type === "element" ? xmlText(child) : "",
    )
    .join("");
}

/** The URL of a record that must exist: a missing fixture fails the test instead of quietly testing the home page. */
function urlOf(record: ArticleRecord | undefined): string {
  if (record === undefined) throw new Error("no such record: a fixture is missing");
  return record.url;
}

/** The URL of every HTML file of the site (`/a/` for `a/index.html`), sorted. */
async function pageUrls(dir: string): Promise<string[]> {
  const files = await htmlFiles(dir);
  return files
    .map((file) => `/${path.relative(dir, file).split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

async function readXml(file: string): Promise<XmlRoot> {
  return fromXml(await readFile(file, "utf8"));
}

describe("pages", () => {
  test("a scraped page's subhead is a heading of the body, not a paragraph; the record keeps its text", async () => {
    const record = records.find((r) => r.source.file === "fixtures/subhead-between-paragraphs.txt");
    expect(record?.subheads).toEqual([2]);
    const page = await readPage(outDir, urlOf(record));
    const body = page.one(".body");
    expect(
      body === undefined ? [] : body.children.flatMap((node) => (node.type === "element" ? [node.tagName] : [])),
    ).toEqual(["p", "p", "h2", "p", "p"]);
    expect(page.text(".body h2")).toBe("Who will pay");
  });

  test("a text the crawl cut mid-sentence says so after its last paragraph, and the record knows it", async () => {
    const cut = records.find((r) => r.source.file === "fixtures/pipe-title-caption-then-cut-lede.txt");
    expect(cut?.truncated).toBe(true);
    const page = await readPage(outDir, urlOf(cut));
    expect(page.text(".truncated-note")).toBe(
      "The archived text ends here, mid-sentence: the crawl kept only this much of the page.",
    );
    const whole = records.find((r) => r.source.file === "fixtures/standfirst.txt");
    expect(whole?.truncated).toBe(false);
    expect((await readPage(outDir, urlOf(whole))).one(".truncated-note")).toBeUndefined();
  });

  test("a kicker printed over the story shows beside its section, and a role byline is not prefixed with By", async () => {
    const kicker = records.find((r) => r.source.file === "fixtures/kicker-issue-line-and-period.txt");
    expect(kicker?.kicker).toBe("FROM THE ARCHIVES");
    const page = await readPage(outDir, urlOf(kicker));
    expect(page.text(".article-header .story-kicker")).toBe("FROM THE ARCHIVES");
    const essay = records.find((r) => r.source.file === "fixtures/byline-photo-essay-and-additional-reporting.txt");
    const essayPage = await readPage(outDir, urlOf(essay));
    expect(essayPage.text(".byline")).toBe("Photo Essay by Chhay Ratha; Additional reporting by Pen Sophal");
    expect(essayPage.all(".byline a").map((a) => toText(a))).toEqual(["Chhay Ratha", "Pen Sophal"]);
  });

  test.each([
    ["home", "/"],
    ["home page 2", "/page/2/"],
    ["section", "/national/"],
    ["second section", "/business/"],
    ["author", "/author/keo-ratha/"],
    ["tag", "/tag/economy/"],
    ["year", "/2019/"],
    ["month", "/2019/04/"],
    ["undated", "/undated/"],
    ["about", "/about/"],
  ])("%s page at %s", async (_, url) => {
    const page = await readPage(outDir, url);
    expect(page.all("h1")).toHaveLength(1);
    expect(page.one("main#main")).toBeDefined();
    expect(page.one("a.skip-link[href='#main']")).toBeDefined();
    expect(page.one("header nav[aria-label='Sections']")).toBeDefined();
    expect(page.one("footer")).toBeDefined();
  });

  test("404 page", async () => {
    const page = await readPage(outDir, "/404.html");
    expect(page.text("h1")).toBe("Page not found");
  });

  test("list pages list their articles newest first, with teasers", async () => {
    const page = await readPage(outDir, "/2019/04/");
    const inApril = records.filter((r) => r.date?.startsWith("2019-04") === true);
    expect(page.all(".summary h2 a").map((a) => attribute(a, "href"))).toEqual(inApril.map((r) => r.url));
    const author = await readPage(outDir, "/author/keo-ratha/");
    expect(author.text("h1")).toBe("Articles by Keo Ratha");
    expect(author.all(".summary").length).toBe(records.filter((r) => r.authors.includes("Keo Ratha")).length);
    const home = await readPage(outDir, "/");
    const teasers = home.all(".summary .teaser").map((p) => toText(p));
    expect(teasers).toHaveLength(20);
    expect(teasers.every((teaser) => teaser.length > 0 && teaser.length <= 200)).toBe(true);
    expect(home.text(".lead h2")).toBe(records[0]?.headline);
  });

  test("article pages: byline links to author pages, tags, related, more in section, older/newer", async () => {
    const record = records.find((r) => r.authors.length === 3);
    const page = await readPage(outDir, urlOf(record));
    expect(page.all(".byline a").map((a) => attribute(a, "href"))).toEqual([
      "/author/soth-koemsoeun/",
      "/author/keo-ratha/",
      "/author/ananth-baliga/",
    ]);
    expect(page.text(".byline")).toBe(`By ${record?.byline ?? ""}`);
    expect(page.text(".dateline")).toBe("3 January 2020 | 07:05 ICT · 1 min read");
    expect(page.text("#more-heading")).toBe("More in National");
    expect(page.all(".more li").length).toBe(4);
    expect(page.all(".pager a")).toHaveLength(2);
    const tagged = await readPage(
      outDir,
      urlOf(records.find((r) => r.source.file === "fixtures/front-matter-txt.txt")),
    );
    expect(tagged.all(".tags a").map((a) => attribute(a, "href"))).toEqual(["/tag/economy/", "/tag/garment-industry/"]);
  });

  test("a standfirst stands under the headline; a printed section is the article's section", async () => {
    const record = records.find((r) => r.source.file === "fixtures/standfirst.txt");
    const page = await readPage(outDir, urlOf(record));
    expect(page.text("h1.headline + p.standfirst")).toBe(record?.standfirst);
    expect(record?.standfirst).toMatch(/^The 60-megawatt plant/);
    const withoutStandfirst = await readPage(outDir, urlOf(records.find((r) => r.standfirst === null)));
    expect(withoutStandfirst.all(".standfirst")).toEqual([]);

    const insider = records.find((r) => r.source.file === "fixtures/pipe-title-unconfigured-section.txt");
    expect(insider?.url).toMatch(/^\/siem-reap-insider\//);
    const sectionPage = await readPage(outDir, "/siem-reap-insider/");
    expect(page.text(".kicker")).toBe("National");
    expect(sectionPage.all("main a").some((a) => attribute(a, "href") === insider?.url)).toBe(true);
    expect(sectionPage.text("h1")).toBe("Siem Reap Insider");
  });

  test("undated articles show no date (the undated list names them); dates in prose are plain; Khmer is marked lang=km", async () => {
    const undatedRecord = records.find((r) => r.date === null);
    const undated = await readPage(outDir, urlOf(undatedRecord));
    expect(undated.one(".article-header .date")).toBeUndefined();
    expect(undated.text(".dateline")).toMatch(/^\d+ min read$/u);
    const undatedList = await readPage(outDir, "/undated/");
    const card = undatedList.all(".summary").find((node) => toText(node).includes(undatedRecord?.headline ?? "-"));
    expect(card).toBeDefined();
    expect(card === undefined ? "" : toText(card)).not.toMatch(/Undated|·/u);
    expect(undatedList.text("h1")).toMatch(/Undated/u);
    const about = (await readPage(outDir, "/about/")).text("main") ?? "";
    expect(about).toMatch(/published between \d{1,2} [A-Z][a-z]+ \d{4} and \d{1,2} [A-Z][a-z]+ \d{4};/u);
    const khmer = await readPage(outDir, urlOf(records.find((r) => r.language === "km")));
    expect(attribute(khmer.one("html"), "lang")).toBe("en");
    expect(attribute(khmer.one(".headline"), "lang")).toBe("km");
    expect(attribute(khmer.one(".body"), "lang")).toBe("km");
    // The page's English parts carry no lang of their own: they are the page's language.
    for (const english of [".kicker", ".byline", ".dateline", ".print-url", "article.article"]) {
      expect(attribute(khmer.one(english), "lang"), english).toBeUndefined();
    }
    // On a list, a Khmer card's headline is marked and an English one's is not.
    const khmerRecord = records.find((r) => r.language === "km");
    const list = await readPage(outDir, `/${khmerRecord?.section ?? ""}/`);
    const cards = list.all(".summary h2");
    const khmerCard = cards.find((h2) => toText(h2) === khmerRecord?.headline);
    expect(khmerCard === undefined ? "no Khmer card" : attribute(khmerCard, "lang")).toBe("km");
    const englishCard = cards.find((h2) => /^[\x20-\x7e‘’“”–—]+$/u.test(toText(h2)));
    expect(englishCard === undefined ? "no English card" : attribute(englishCard, "lang")).toBeUndefined();
  });

  test("no JavaScript on article pages; the header search is a plain form", async () => {
    for (const record of records) {
      const page = await readPage(outDir, record.url);
      expect(page.all("script").every((s) => attribute(s, "type") === "application/ld+json")).toBe(true);
      expect(page.all("[onclick], [onload], [onerror]")).toEqual([]);
      const form = page.one("form[role='search']");
      expect(attribute(form, "action")).toBe("/search/");
      expect(page.text("label[for='search-q']")).toBe("Search the archive");
    }
  });

  test("the section navigation marks the page's own section, on pages rendered after others", async () => {
    const current = async (url: string): Promise<[string | undefined, string | undefined][]> =>
      (await readPage(outDir, url))
        .all("nav.sections a[aria-current]")
        .map((a) => [attribute(a, "href"), attribute(a, "ariaCurrent")]);
    // The masthead is rendered once per current section and reused: each page still gets its own.
    expect(await current("/")).toEqual([]);
    expect(await current("/national/")).toEqual([["/national/", "page"]]);
    expect(await current("/business/")).toEqual([["/business/", "page"]]);
    expect(await current("/tag/economy/")).toEqual([]);
    for (const record of records.filter((r) => ["national", "business"].includes(r.section))) {
      expect(await current(record.url), record.url).toEqual([[`/${record.section}/`, "true"]]);
    }
    const footers = new Set(
      await Promise.all(
        ["/", "/about/", urlOf(records[0])].map(async (url) => (await readPage(outDir, url)).text("footer")),
      ),
    );
    expect(footers.size).toBe(1);
  });
});

describe("photos", () => {
  test("a front-matter image becomes a responsive AVIF/WebP/JPEG picture with width and height", async () => {
    const record = records.find((r) => r.photo?.image === "images/factory.jpg");
    const page = await readPage(outDir, urlOf(record));
    const sources = page.all("figure.photo picture source");
    expect(sources.map((s) => attribute(s, "type"))).toEqual(["image/avif", "image/webp"]);
    const img = page.one("figure.photo picture img");
    expect(attribute(img, "alt")).toBe(record?.photo?.caption);
    expect(attribute(img, "width")).toBe("960");
    expect(attribute(img, "height")).toBe("640");
    for (const candidate of (attribute(img, "srcSet") ?? "").split(", ")) {
      await access(fileForUrl(outDir, "/", candidate.split(" ")[0] ?? "") ?? "");
    }
    expect(page.text("figcaption .credit")).toBe("Hong Menea");
    const meta = attribute(page.one("meta[property='og:image']"), "content") ?? "";
    expect(meta).toMatch(new RegExp(`^${SITE_URL}/img/.+\\.jpeg$`));
  });

  test("list cards show the photo's small rendition, lazy and sized, and nothing for articles without one", async () => {
    const record = records.find((r) => r.photo?.image === "images/factory.jpg");
    const page = await readPage(outDir, `/${record?.section ?? "national"}/`);
    const cards = page.all("article.summary");
    const card = cards.find((c) => select("h2 a", c)?.properties["href"] === record?.url);
    expect(card).toBeDefined();
    const img = card === undefined ? undefined : select("img.summary-photo", card);
    expect(attribute(img, "loading")).toBe("lazy");
    expect(attribute(img, "alt")).toBe("");
    expect(attribute(img, "width")).toBe("480");
    expect(attribute(img, "height")).toBe("320");
    await access(fileForUrl(outDir, "/", attribute(img, "src") ?? "") ?? "");
    const withoutPhoto = cards.filter((c) => c !== card);
    expect(withoutPhoto.length).toBeGreaterThan(0);
    for (const other of withoutPhoto) expect(select("img", other)).toBeUndefined();
  });

  test("scraped pages show caption and credit without any image", async () => {
    const page = await readPage(outDir, urlOf(records.find((r) => r.source.file === "000_e0ac2be6c21d23bc.txt")));
    expect(page.all("img")).toEqual([]);
    expect(page.text("figcaption .credit")).toBe("Photo supplied");
  });
});

describe("links", () => {
  test("every article is reachable from the home page and no internal link is broken", async () => {
    const { pages, broken } = await crawl(outDir, "/");
    expect(broken).toEqual([]);
    for (const record of records) expect(pages.has(record.url)).toBe(true);
    // Every page is reachable, the sections page too when the masthead shows every section.
    expect((await pageUrls(outDir)).filter((url) => !pages.has(url))).toEqual(["/404.html"]);
  });

  test("a year's pages and its months' list the year's months in calendar order, the year's with counts", async () => {
    const in2019 = records.filter((r) => r.date?.startsWith("2019-") === true);
    const months = [...new Set(in2019.map((r) => r.date?.slice(5, 7)))].sort();
    const year = await readPage(outDir, "/2019/");
    const links = year.all(".months a");
    expect(links.map((a) => attribute(a, "href"))).toEqual(months.map((m) => `/2019/${m}/`));
    expect(links[0] === undefined ? "" : toText(links[0])).toBe("March");
    const counts = year.all(".months .count").map((count) => toText(count));
    expect(counts).toEqual(months.map((m) => `(${in2019.filter((r) => r.date?.slice(5, 7) === m).length})`));
    // A month's pages name the months without counts: an article added to one leaves the others' pages as they were.
    const april = await readPage(outDir, "/2019/04/");
    expect(april.all(".months a").map((a) => attribute(a, "href"))).toEqual(months.map((m) => `/2019/${m}/`));
    expect(april.all('.months a[aria-current="page"]').map((a) => toText(a))).toEqual(["April"]);
    expect(april.all(".months .count")).toEqual([]);
    expect((await readPage(outDir, "/national/")).all(".months a")).toEqual([]);
  });

  test("with --base, every link carries the base path and none is broken", async () => {
    const { pages, broken } = await crawl(baseOutDir, BASE);
    expect(broken).toEqual([]);
    for (const record of records) expect(pages.has(`${BASE}${record.url.slice(1)}`)).toBe(true);
    const page = await readPage(baseOutDir, urlOf(records[0]));
    expect(attribute(page.one("link[rel='canonical']"), "href")).toBe(`${SITE_URL}${BASE}${records[0]?.url.slice(1)}`);
    expect(attribute(page.one("link[rel='stylesheet']"), "href")).toBe(`${BASE}style.css`);
  });
});

describe("metadata", () => {
  test("title, description, canonical, Open Graph and Twitter tags", async () => {
    for (const record of records) {
      const page = await readPage(outDir, record.url);
      const meta = (selector: string): string | undefined => attribute(page.one(selector), "content");
      expect(page.text("title")).toBe(`${record.headline} | Phnom Penh Post archive`);
      const description = meta("meta[name='description']") ?? "";
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(160);
      const described = record.standfirst ?? record.body[0];
      expect(described?.replace(/\s+/g, " ").startsWith(description.replace(/…$/, ""))).toBe(true);
      expect(attribute(page.one("link[rel='canonical']"), "href")).toBe(`${SITE_URL}${record.url}`);
      expect(meta("meta[property='og:title']")).toBe(record.headline);
      expect(meta("meta[property='og:url']")).toBe(`${SITE_URL}${record.url}`);
      expect(meta("meta[property='og:type']")).toBe("article");
      expect(meta("meta[name='twitter:card']")).toBe(record.photo?.image ? "summary_large_image" : "summary");
    }
  });

  test("every page, lists and static pages too, has one meta description of at most 160 characters", async () => {
    const files = await htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(records.length);
    for (const file of files) {
      const url = `/${path.relative(outDir, file).split(path.sep).join("/")}`.replace(/index\.html$/u, "");
      const page = await readPage(outDir, url);
      const descriptions = page.all("meta[name='description']").map((m) => attribute(m, "content") ?? "");
      expect(descriptions, file).toHaveLength(1);
      expect(descriptions[0]?.length, file).toBeGreaterThan(0);
      expect(descriptions[0]?.length, file).toBeLessThanOrEqual(160);
    }
    const home = await readPage(outDir, "/");
    expect(attribute(home.one("meta[name='description']"), "content")).toMatch(
      /^Latest articles from the Phnom Penh Post archive, newest first, with “/u,
    );
  });

  test("NewsArticle JSON-LD matches the record", async () => {
    for (const record of records) {
      const page = await readPage(outDir, record.url);
      const scripts = page.all("script[type='application/ld+json']");
      expect(scripts).toHaveLength(1);
      const data = JSON.parse(page.text("script[type='application/ld+json']") ?? "") as Record<string, unknown>;
      expect(data["@type"]).toBe("NewsArticle");
      expect(data["headline"]).toBe(record.headline);
      expect(data["datePublished"]).toBe(record.date ?? undefined);
      expect(data["author"]).toEqual(
        record.authors.map((name) => expect.objectContaining({ "@type": "Person", name })),
      );
      expect(data["publisher"]).toMatchObject({ "@type": "Organization", logo: { url: `${SITE_URL}/wordmark.svg` } });
      expect(data["wordCount"]).toBe(record.wordCount);
      expect(data["isBasedOn"]).toMatchObject({
        name: record.source.file,
        identifier: `sha256:${record.source.sha256}`,
      });
    }
  });
});

describe("feeds, sitemap and robots.txt", () => {
  test("Atom feed lists the newest dated articles", async () => {
    const feed = await readXml(path.join(outDir, "feed.xml"));
    const entries = xmlElements(feed, "entry");
    const dated = records.filter((r) => r.date !== null);
    expect(entries.map((e) => xmlText(xmlElements(e, "title")[0] as XmlElement))).toEqual(
      dated.slice(0, 50).map((r) => r.headline),
    );
    for (const entry of entries) {
      const href = xmlElements(entry, "link")[0]?.attributes["href"] ?? "";
      expect(href.startsWith(SITE_URL)).toBe(true);
      await access(fileForUrl(outDir, "/", href.slice(SITE_URL.length)) ?? "");
    }
  });

  test("JSON Feed and per-section feeds", async () => {
    const json = JSON.parse(await readFile(path.join(outDir, "feed.json"), "utf8")) as {
      version: string;
      items: { title: string; url: string }[];
    };
    expect(json.version).toMatch(/jsonfeed\.org\/version\/1/);
    expect(json.items[0]?.title).toBe(records.find((r) => r.date !== null)?.headline);
    const business = await readXml(path.join(outDir, "business", "feed.xml"));
    expect(xmlElements(business, "entry").map((e) => xmlText(xmlElements(e, "title")[0] as XmlElement))).toEqual(
      records.filter((r) => r.section === "business" && r.date !== null).map((r) => r.headline),
    );
  });

  test("sitemap lists every article and list page; robots.txt points to it", async () => {
    const sitemap = await readXml(path.join(outDir, "sitemap.xml"));
    const locs = new Set(xmlElements(sitemap, "loc").map(xmlText));
    const listed = (url: string): boolean => locs.has(new URL(`${SITE_URL}${url}`).href);
    for (const record of records) expect(listed(record.url)).toBe(true);
    for (const url of ["/", "/page/2/", "/national/", "/2019/04/", "/undated/", "/about/"])
      expect(listed(url)).toBe(true);
    // Every page but the search page (its results are the pages listed) and the 404 page.
    expect((await pageUrls(outDir)).filter((url) => !listed(url))).toEqual(["/404.html", "/search/"]);
    const robots = await readFile(path.join(outDir, "robots.txt"), "utf8");
    expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  });
});

describe("quality budgets", () => {
  test("zero Nu validator errors on every page", async () => {
    const messages = await validateHtml(outDir);
    const errors = messages.filter((m) => m.type === "error" || m.type === "non-document-error");
    expect(errors.map((m) => `${m.url ?? ""}:${m.lastLine ?? 0}: ${m.message}`)).toEqual([]);
    expect((await htmlFiles(outDir)).length).toBeGreaterThan(records.length);
  });

  test("the heaviest article page is at most 14 KB gzipped, HTML plus CSS", async () => {
    const weights = await Promise.all(
      records.map((r) => pageWeight(fileForUrl(outDir, "/", r.url) ?? "", path.join(outDir, "style.css"))),
    );
    expect(Math.max(...weights)).toBeLessThanOrEqual(14 * 1024);
  });
});
