/**
 * The built archive in a real browser (system Chromium through
 * playwright-core), served over HTTP on 127.0.0.1: search, accessibility,
 * console errors, small screens, print and screenshots.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { build } from "../src/build.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import { PROJECT_ROOT, serveOneSeed, writeFixtureSeeds } from "./helpers.ts";
import { type StaticServer, serveSite } from "./static-server.ts";

/** Screenshots of the main pages are kept here after every run. */
const ARTIFACTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let work: string;
let server: StaticServer;
let browser: Browser;
let records: ArticleRecord[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-browser-"));
  const seedsDir = path.join(work, "seeds");
  const outDir = path.join(work, "site");
  await writeFixtureSeeds(seedsDir, { image: true });
  await writeRankingSeeds(seedsDir);
  // Shards of two articles at most: the years with more are split into runs of months, as large archives' are.
  records = (await build({ seedsDir, outDir, quiet: true, site: { searchShardArticles: 2 } })).records;
  server = await serveSite(outDir);
  browser = await chromium.launch({
    executablePath: inject("chromium"),
    // Without these, Chromium keeps trying to reach Google's services on a closed network.
    args: [
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * Three articles for ranking: the word `pontoon` once in one's headline
 * (a long text), and often in the short texts of the two others.
 */
async function writeRankingSeeds(seedsDir: string): Promise<void> {
  const page = (headline: string, body: string[]): string =>
    [
      `Logo of Phnom Penh Post newspaper Phnom Penh Post - ${headline}`,
      "",
      headline,
      "",
      headline,
      "",
      ...body.flatMap((p) => [p, ""]),
    ].join("\n");
  const filler = Array.from(
    { length: 12 },
    (_, n) => `Paragraph ${n + 1} tells how the crossing was repaired, step by step, over the dry season.`,
  );
  await writeFile(path.join(seedsDir, "rank-headline.txt"), page("New pontoon opens at the river crossing", filler));
  for (const n of [1, 2]) {
    await writeFile(
      path.join(seedsDir, `rank-body-${n}.txt`),
      page(`Riverside works, part ${n}`, [
        "The pontoon moved again; the pontoon needs anchors, said a pontoon builder.",
      ]),
    );
  }
}

/** Opens a page in a fresh context and collects console errors and failed requests while it is used. */
async function open(url: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  // The browser may already be closing when the last page closes; its context then goes with it.
  page.on("close", () => {
    context.close().catch(() => undefined);
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
  await page.goto(`${server.origin}${url}`);
  return { page, errors };
}

const recordOf = (file: string): ArticleRecord => {
  const record = records.find((r) => r.source.file === file);
  if (record === undefined) throw new Error(`no record for ${file}`);
  return record;
};

async function searchResults(page: Page): Promise<string[]> {
  // Loading every year's index can take seconds on a busy machine: poll well past expect's 1 s default.
  await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 15_000 }).toMatch(/results? for/);
  return page.locator("#search-results h2 a").allTextContents();
}

describe("search", () => {
  test("a word from one article finds that article, from the header form on any page", async () => {
    const { page, errors } = await open(recordOf("fixtures/name-list-byline.txt").url);
    await page.locator("#search-q").fill("Measpheakdey");
    await page.locator("#search-q").press("Enter");
    await page.waitForURL(/\/search\/\?q=Measpheakdey/);
    expect(await searchResults(page)).toEqual(["Will the new bridge ease traffic?"]);
    const excerpt = page.locator("#search-results .excerpt mark");
    expect(await excerpt.allTextContents()).toContain("Measpheakdey");
    expect(await page.locator("#search-results .summary-meta").first().textContent()).toBe(
      "National · 3 January 2020 | 07:05 ICT",
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the article with the word in its headline comes first, before texts that repeat it", async () => {
    const { page, errors } = await open("/search/?q=pontoon");
    const results = await searchResults(page);
    expect(results).toHaveLength(3);
    expect(results[0]).toBe("New pontoon opens at the river crossing");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an article with the word in its headline ranks above those with it only in the text", async () => {
    const { page, errors } = await open("/search/?q=bridge");
    const inHeadline = (await searchResults(page)).map((headline) => /bridge/iu.test(headline));
    expect(inHeadline.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(inHeadline).toContain(false);
    // Every result with the word in its headline before every result with it only in its text.
    expect(inHeadline).toEqual([...inHeadline].sort((a, b) => Number(b) - Number(a)));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a Khmer word finds the Khmer article", async () => {
    const { page, errors } = await open(`/search/?q=${encodeURIComponent("អង្ករ")}`);
    expect(await searchResults(page)).toEqual(["ការនាំចេញអង្ករកើនឡើង"]);
    expect(await page.locator("#search-results article").first().getAttribute("lang")).toBe("km");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("filters narrow the results and sorting orders them by date", async () => {
    const { page } = await open("/search/?q=minister");
    const all = await searchResults(page);
    await page.locator("#filter-section").selectOption("Business");
    await expect.poll(() => page.url()).toContain("section=Business");
    const business = await searchResults(page);
    expect(business.length).toBeGreaterThan(0);
    expect(business.length).toBeLessThan(all.length);
    const inBusiness = records.filter((r) => r.section === "business").map((r) => r.headline);
    expect(business.every((headline) => inBusiness.includes(headline))).toBe(true);

    await page.locator("#filter-section").selectOption("");
    await page.locator("#filter-year").selectOption("2019");
    await page.locator("#filter-sort").selectOption("newest");
    await expect.poll(() => page.url()).toContain("sort=newest");
    const in2019 = await searchResults(page);
    const expected = records.filter((r) => r.date?.startsWith("2019") === true && all.includes(r.headline));
    expect([...in2019].sort()).toEqual(expected.map((r) => r.headline).sort());
    const dates = in2019.map((headline) => Date.parse(records.find((r) => r.headline === headline)?.date ?? ""));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    // Across years (the index has shards of years and runs of months), oldest first, undated last.
    await page.locator("#filter-year").selectOption("");
    await page.locator("#filter-sort").selectOption("oldest");
    await expect.poll(() => page.url()).toContain("sort=oldest");
    await expect.poll(() => page.url()).not.toContain("year=");
    const everyYear = await searchResults(page);
    expect([...everyYear].sort()).toEqual([...all].sort());
    // Headlines may repeat in the archive; links do not.
    const found = (
      await page.locator("#search-results h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))
    ).map((href) => records.find((r) => r.url === href));
    expect(new Set(found.map((r) => r?.date?.slice(0, 4))).size).toBeGreaterThan(1);
    const order = found.map((r) =>
      r?.date === null || r?.date === undefined ? Number.POSITIVE_INFINITY : Date.parse(r.date),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await page.close();
  });

  test("a search loads the newest shards first and older ones as the reader asks for more", async () => {
    const everything = await searchResults((await open("/search/?q=minister")).page);
    const context = await browser.newContext();
    const page = await context.newPage();
    // Groups of one article make each shard a group, as a large archive's would.
    await page.route("**/search/?*", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('data-group-articles="5000"', 'data-group-articles="1"');
      await route.fulfill({ response, body: html });
    });
    const loaded: string[] = [];
    page.on("request", (request) => {
      const shard = /\/pagefind\/([^/]+)\/pagefind-entry\.json/u.exec(request.url())?.[1];
      if (shard !== undefined) loaded.push(shard);
    });
    await page.goto(`${server.origin}/search/?q=minister`);
    const first = await searchResults(page);
    // The shards as the page lists them, newest first: `url year articles from to`.
    const listed = ((await page.locator("#search-form").getAttribute("data-shards")) ?? "")
      .split(",")
      .map((entry) => entry.trim().split(" "));
    const names = listed.map(([url]) => /\/pagefind\/([^/]+)\//u.exec(url ?? "")?.[1]);
    expect(names.some((name) => name?.includes("-") === true)).toBe(true);
    // Newest shards first, up to the first with results, whose articles are the only ones shown.
    expect(loaded).toEqual(names.slice(0, loaded.length));
    const shardOf = (headline: string): string | undefined => {
      const date = records.find((r) => r.headline === headline)?.date ?? null;
      const at = listed.findIndex(
        ([, year, , from = "", to = ""]) =>
          (date === null && year === "Undated") ||
          (date !== null && date.slice(0, from.length) >= from && date.slice(0, to.length) <= to),
      );
      return names[at];
    };
    expect(new Set(first.map(shardOf))).toEqual(new Set([loaded.at(-1)]));
    const newestYear = listed[0]?.[1] ?? "";
    expect(await page.locator("#search-status").textContent()).toMatch(new RegExp(` in .*${newestYear}$`, "u"));
    expect(await page.locator("#search-more").textContent()).toMatch(/^(Show more results|Search .*\d{4})$/u);
    while (await page.locator("#search-more").isVisible()) {
      const shown = await page.locator("#search-results li").count();
      await page.locator("#search-more").click();
      // Each click shows at least one more result, or searches every year left and finds none.
      await expect
        .poll(
          async () =>
            (await page.locator("#search-results li").count()) > shown ||
            (await page.locator("#search-more").isHidden()),
        )
        .toBe(true);
    }
    expect((await page.locator("#search-results h2 a").allTextContents()).sort()).toEqual([...everything].sort());
    await context.close();
  });

  test("results come as the reader types, with the URL kept and the count announced", async () => {
    const { page, errors } = await open("/search/");
    await expect.poll(() => page.locator(".filters").isHidden()).toBe(false);
    await page.locator("#search-page-q").click();
    await page.keyboard.type("Kratie", { delay: 30 });
    // No Enter: the pause in typing runs the search.
    expect(await searchResults(page)).toEqual(["Floods close schools in Kratie"]);
    expect(await page.evaluate(() => new URLSearchParams(location.search).get("q"))).toBe("Kratie");
    expect(await page.locator("#search-status").getAttribute("role")).toBe("status");
    expect(await page.locator("#search-status").textContent()).toBe("1 result for “Kratie”");
    expect(await page.locator("#search-page-q").inputValue()).toBe("Kratie");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("works with the keyboard alone", async () => {
    const { page } = await open("/search/");
    await page.locator("#search-page-q").focus();
    // The script shows the filters once Pagefind has loaded; before that, Enter would submit the plain form.
    await page.locator(".filters").waitFor({ state: "visible" });
    await page.keyboard.type("Kratie");
    await page.keyboard.press("Enter");
    expect(await searchResults(page)).toEqual(["Floods close schools in Kratie"]);
    // From the input: the button and four filter selects, then the first result.
    await page.locator("#search-page-q").focus();
    const focused: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      focused.push(
        await page.evaluate(() => document.activeElement?.id || (document.activeElement?.textContent ?? "")),
      );
    }
    expect(focused).toEqual([
      "Search",
      "filter-section",
      "filter-author",
      "filter-year",
      "filter-sort",
      "Floods close schools in Kratie",
    ]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/floods-close-schools-in-kratie/);
    await page.close();
  });
});

describe("pages in the browser", () => {
  const pages = (): [string, string][] => [
    ["home", "/"],
    ["real seed article", recordOf("000_e0ac2be6c21d23bc.txt").url],
    ["article", recordOf("fixtures/name-list-byline.txt").url],
    ["article with photo", recordOf("fixtures/front-matter-txt.txt").url],
    ["khmer article", recordOf("fixtures/khmer.txt").url],
    ["section", "/national/"],
    ["search", "/search/?q=minister"],
    ["404", "/404.html"],
  ];

  test("zero axe violations (WCAG 2.1 A/AA and best practices), light and dark", async () => {
    for (const [name, url] of pages()) {
      for (const colorScheme of ["light", "dark"] as const) {
        const { page } = await open(url);
        await page.emulateMedia({ colorScheme });
        if (name === "search") await searchResults(page);
        const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const violations = result.violations.map(
          (v) => `${name} (${colorScheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(violations).toEqual([]);
        await page.close();
      }
    }
  });

  test("no console errors, no sideways scroll at 360 px, screenshots kept", async () => {
    for (const [name, url] of pages()) {
      for (const [label, width] of [
        ["desktop", 1280],
        ["phone", 360],
      ] as const) {
        const { page, errors } = await open(url, width);
        if (name === "search") await searchResults(page);
        expect(errors, `${name} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: path.join(ARTIFACTS, `${name.replace(/ /g, "-")}-${label}.png`),
          fullPage: true,
        });
        await page.close();
      }
    }
  });

  test("at desktop widths the masthead is one row: the search form beside the wordmark", async () => {
    for (const width of [1024, 1280, 1440, 1920]) {
      const { page } = await open("/", width);
      const wordmark = await page.locator(".wordmark").boundingBox();
      const form = await page.locator(".masthead form.search").boundingBox();
      if (wordmark === null || form === null) throw new Error("masthead not rendered");
      expect(form.y, `${width}px`).toBeLessThan(wordmark.y + wordmark.height);
      expect(form.x, `${width}px`).toBeGreaterThan(wordmark.x + wordmark.width);
      await page.close();
    }
  });

  test("the footer lines up with the content; the tagline is one line; on phones a search link, not the form", async () => {
    const box = async (page: Page, selector: string) => {
      const found = await page.locator(selector).first().boundingBox();
      if (found === null) throw new Error(`${selector} not rendered`);
      return found;
    };
    for (const width of [375, 1024, 1440]) {
      const { page } = await open("/", width);
      const padding = await page.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).paddingLeft)");
      const content = (await box(page, "main")).x + Number(padding);
      expect(Math.abs((await box(page, ".site-footer ul")).x - content), `${width}px footer`).toBeLessThanOrEqual(1);
      const tagline = await box(page, ".tagline");
      const lineHeight = Number(
        await page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tagline')).lineHeight) || 20"),
      );
      expect(tagline.height, `${width}px tagline`).toBeLessThan(lineHeight * 1.5);
      const form = page.locator(".masthead form.search");
      const link = page.locator(".masthead .search-link");
      expect([await form.isVisible(), await link.isVisible()], `${width}px`).toEqual(
        width < 768 ? [false, true] : [true, false],
      );
      if (width < 768) {
        // The link sits beside the wordmark: the masthead above the sections is two short lines tall.
        expect((await box(page, ".search-link")).y).toBeLessThan((await box(page, ".tagline")).y);
        expect((await box(page, ".masthead-inner")).height).toBeLessThan(110);
      }
      await page.close();
    }
  });

  test("the search page shows one search box; a quotation in an article is set apart", async () => {
    for (const width of [375, 1440]) {
      const { page } = await open("/search/", width);
      expect(await page.locator("input[type=search]:visible").count(), `${width}px`).toBe(1);
      await page.close();
    }
    const { page } = await open(recordOf("fixtures/markdown-article.md").url);
    const quote = page.locator(".body blockquote");
    expect(await quote.evaluate((node) => parseFloat(getComputedStyle(node).borderLeftWidth))).toBeGreaterThanOrEqual(
      3,
    );
    expect(await quote.evaluate((node) => getComputedStyle(node).fontStyle)).toBe("italic");
    await page.close();
  });

  test("only the search page loads JavaScript", async () => {
    for (const [name, url] of pages()) {
      const { page } = await open(url);
      const scripts = await page.locator("script:not([type='application/ld+json'])").count();
      expect(scripts, name).toBe(name === "search" ? 1 : 0);
      await page.close();
    }
  });

  test("the print stylesheet hides navigation and prints the page's URL", async () => {
    const { page } = await open(recordOf("fixtures/name-list-byline.txt").url);
    await page.emulateMedia({ media: "print" });
    for (const selector of ["nav.sections", ".site-footer", ".masthead .search", ".pager", ".more"]) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator(".print-url").isVisible()).toBe(true);
    expect(await page.locator(".print-url").textContent()).toMatch(/\/national\/will-the-new-bridge-ease-traffic\/$/);
    expect(await page.locator("h1").isVisible()).toBe(true);
    await page.close();
  });
});

describe("npm run serve in the browser", () => {
  test("the open page reloads by itself after a rebuild", async () => {
    const page = (n: number): string =>
      `Logo of Phnom Penh Post newspaper Phnom Penh Post - Reloaded\n\nReloaded\n\nVersion ${n} of the body.\n`;
    const { dir, seed, port, child, output } = await serveOneSeed("one.txt", page(1));
    try {
      await expect.poll(output, { timeout: 30_000 }).toMatch(/Server at/u);
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${port}/national/reloaded/`);
      await expect.poll(() => tab.locator("main .body p").first().textContent()).toBe("Version 1 of the body.");
      // Reloaded only if the dev server's script reloads the page: nothing else navigates it.
      await tab.evaluate(() => Object.assign(window, { notReloaded: true }));
      await writeFile(seed, page(2));
      await expect
        .poll(() => tab.locator("main .body p").first().textContent(), { timeout: 20_000 })
        .toBe("Version 2 of the body.");
      expect(await tab.evaluate(() => "notReloaded" in window)).toBe(false);
      await context.close();
    } finally {
      child.kill();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
