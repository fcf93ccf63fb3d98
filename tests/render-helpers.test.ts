/** The render stage's small pure helpers, each on its own. */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Element, Root } from "xast";
import { fromXml } from "xast-util-from-xml";
import { DateTime } from "luxon";
import { availableParallelism } from "node:os";
import { describe, expect, test } from "vitest";
import { parseBuildFlags } from "../src/cli/cli-flags.ts";
import { pagesToRender, shardsToIndex } from "../src/incremental/changed-pages.ts";
import type { BuildState } from "../src/incremental/build-state.ts";
import { isCut } from "../src/render/article-view.ts";
import { excerpt } from "../src/render/excerpt.ts";
import { displayDate } from "../src/render/format-date.ts";
import { jsonFeedText } from "../src/render/json-feed.ts";
import { serializeJsonLd } from "../src/render/json-ld.ts";
import { SITEMAP_LIMIT, writeSitemap } from "../src/render/sitemap.ts";
import { bylineParts } from "../src/render/summary.ts";
import { absoluteUrl, normalizeBase, withBase } from "../src/render/urls.ts";
import { mixedTexts, withTempDir } from "./helpers.ts";

describe("excerpt", () => {
  test("short text is kept whole, with line breaks as spaces", () => {
    expect(excerpt("One line\nand  another.", 40)).toBe("One line and another.");
  });
  test("long text is cut at a word boundary, trailing punctuation dropped, with an ellipsis", () => {
    expect(excerpt("The prime minister said, on Tuesday, that rice exports rose.", 30)).toBe(
      "The prime minister said, on…",
    );
  });
  test("Khmer is cut between dictionary words", () => {
    expect(excerpt("កម្ពុជាបាននាំចេញអង្ករ", 12)).toBe("កម្ពុជាបាន…");
  });
  test("the cut is where segmenting the whole head puts it, for any mix of scripts", () => {
    const reference = (text: string, max: number): string => {
      const flat = text.replace(/\s+/gu, " ").trim();
      if (flat.length <= max) return flat;
      let end = 0;
      for (const { index, segment } of new Intl.Segmenter("km", { granularity: "word" }).segment(
        flat.slice(0, max + 1),
      )) {
        if (index + segment.length > max - 1) break;
        end = index + segment.length;
      }
      return `${flat.slice(0, end || max - 1).replace(/[\s,;:.–—-]+$/u, "")}…`;
    };
    const pieces = [
      "rice ",
      "don’t ",
      "U.S. ",
      "3.5 ",
      "well-known ",
      "“quoted” ",
      "café ",
      "e\u0301 ",
      "ការនាំចេញ ",
      "🇰🇭🇰🇭 ",
      "—",
      ", ",
      "x".repeat(30),
      "東京 ",
      "a\u00adb ",
    ];
    for (const text of mixedTexts(pieces, 40, 400, 11)) {
      for (const max of [60, 160, 200])
        expect(excerpt(text, max), JSON.stringify([text, max])).toBe(reference(text, max));
    }
  });
});

describe("displayDate", () => {
  test.each([
    ["2019-04-24T10:19:00+07:00", "24 April 2019 | 10:19 ICT"],
    ["2019-04-24T03:19:00Z", "24 April 2019 | 03:19 UTC"],
    ["2019-04-24T10:19:00+05:30", "24 April 2019 | 10:19 +05:30"],
    ["2016-08-26", "26 August 2016"],
    [null, "Undated"],
  ])("%s", (iso, shown) => {
    expect(displayDate(iso)).toBe(shown);
  });
  test("timestamps read from their fields print as Luxon prints them in their own offset", () => {
    const zones = new Map([
      [420, "ICT"],
      [0, "UTC"],
    ]);
    const byLuxon = (iso: string): string => {
      const time = DateTime.fromISO(iso, { setZone: true }).setLocale("en-GB");
      return `${time.toFormat("d MMMM yyyy | HH:mm")} ${zones.get(time.offset) ?? time.toFormat("ZZ")}`;
    };
    const pad = (n: number): string => String(n).padStart(2, "0");
    let seed = 5;
    const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 2000; i++) {
      const offset = ["Z", "+07:00", "+05:30", "-11:30", "+00:00", "-00:00", "+14:00"][next(7)] ?? "Z";
      const iso = `${1900 + next(130)}-${pad(1 + next(12))}-${pad(1 + next(31))}T${pad(next(24))}:${pad(next(60))}:${pad(next(60))}${offset}`;
      expect(displayDate(iso), iso).toBe(byLuxon(iso));
    }
  });
});

describe("bylineParts", () => {
  test("each author linked, the text between kept as printed", () => {
    expect(
      bylineParts("Sok Dara and Alex Whitfield", ["Sok Dara", "Alex Whitfield"], ["/author/a/", "/author/b/"]),
    ).toEqual([
      { text: "Sok Dara", url: "/author/a/" },
      { text: " and ", url: null },
      { text: "Alex Whitfield", url: "/author/b/" },
    ]);
  });
  test("a name not found in the byline is skipped; trailing text is kept", () => {
    expect(bylineParts("Staff reporters, Phnom Penh", ["Nobody"], ["/author/n/"])).toEqual([
      { text: "Staff reporters, Phnom Penh", url: null },
    ]);
  });
});

describe("isCut", () => {
  test.each([
    ["The government said it would", true],
    ["The government said so.", false],
    ["He asked “why?”", false],
    ["A list:", false],
    ["Prices rose (again)", false],
  ])("%s", (teaser, cut) => {
    expect(isCut(teaser)).toBe(cut);
  });
});

describe("URLs", () => {
  test("base paths", () => {
    expect(["", "/", "archive", "/archive/", "//a//b//"].map(normalizeBase)).toEqual([
      "/",
      "/",
      "/archive/",
      "/archive/",
      "/a//b/",
    ]);
    expect(withBase("/national/x/", "/archive/")).toBe("/archive/national/x/");
    expect(withBase("/archive/", "/archive/")).toBe("/archive/archive/");
    expect(absoluteUrl("/x/", { siteUrl: "https://a.example", pathPrefix: "/p/" })).toBe("https://a.example/p/x/");
  });
});

describe("serializeJsonLd", () => {
  test("cannot close the script element it sits in, and parses back to the same data", () => {
    const data = { headline: "</script><script>alert(1)</script> & <!--" };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&]/u);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("JSON Feed", () => {
  test("is version 1.1, from the same entries as the Atom feed: authors, language and tags included, text as text", () => {
    const entry = {
      title: "Prices <b>soar</b>",
      url: "https://archive.example.org/business/prices-soar/",
      published: "2019-04-24T03:19:00.000Z",
      summary: "Rice & fuel cost more.",
      contentHtml: "<p>Rice &amp; fuel cost more.</p>",
      authors: ["Sok Dara"],
      categories: ["Business", "rice"],
    };
    const feed = {
      url: "https://archive.example.org/",
      self: "https://archive.example.org/feed.xml",
      title: "Archive",
      subtitle: "Tagline",
      rights: "Publisher",
      generator: "Archive",
      language: "en",
      updated: entry.published,
      entries: [entry, { ...entry, authors: [] }],
    };
    const json = JSON.parse(jsonFeedText(feed, "https://archive.example.org/feed.json"));
    expect(json).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      home_page_url: feed.url,
      feed_url: "https://archive.example.org/feed.json",
      language: "en",
    });
    expect(json.items[0]).toEqual({
      id: entry.url,
      url: entry.url,
      title: "Prices <b>soar</b>",
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.published,
      authors: [{ name: "Sok Dara" }],
      tags: ["Business", "rice"],
    });
    expect(json.items[1]).not.toHaveProperty("authors");
  });
});

describe("sitemap", () => {
  const urls = { siteUrl: "https://a.example", pathPrefix: "/" };
  test("up to 50,000 URLs: one sitemap; past that, an index of sitemaps of at most 50,000 each", async () => {
    await withTempDir(async (dir) => {
      const entries = Array.from({ length: SITEMAP_LIMIT + 2 }, (_, i) => ({
        url: `/n/${i}/`,
        lastmod: i === 0 ? "2019-04-24" : null,
      }));
      await writeSitemap(entries, dir, urls);
      expect((await readdir(dir)).sort()).toEqual(["robots.txt", "sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
      const xml = async (name: string): Promise<Root> => fromXml(await readFile(path.join(dir, name), "utf8"));
      const children = (root: Root, name: string): Element[] => {
        const top = root.children.find((node): node is Element => node.type === "element");
        return (top?.children ?? []).filter((node): node is Element => node.type === "element" && node.name === name);
      };
      const index = await xml("sitemap.xml");
      expect(children(index, "sitemap")).toHaveLength(2);
      expect(children(await xml("sitemap-1.xml"), "url")).toHaveLength(SITEMAP_LIMIT);
      expect(children(await xml("sitemap-2.xml"), "url")).toHaveLength(2);
      expect(await readFile(path.join(dir, "robots.txt"), "utf8")).toContain("Sitemap: https://a.example/sitemap.xml");
    });
  });
});

describe("parseBuildFlags", () => {
  test("defaults", () => {
    const flags = parseBuildFlags([]);
    expect(flags.build).toMatchObject({
      seedsDir: "seeds",
      outDir: "_site",
      base: "/",
      site: {},
      strict: false,
      wait: true,
    });
    expect(flags.verbose).toBe(true);
    expect(flags.build.workers).toBeUndefined();
  });
  test("every flag", () => {
    const flags = parseBuildFlags(
      [
        "--seeds",
        "s",
        "--out",
        "o",
        "--base",
        "/archive/",
        "--site-url",
        "https://a.example",
        "--quiet",
        "--strict",
        "--no-wait",
        "--workers",
        "0",
        "--port",
        "9000",
        "--host",
        "0.0.0.0",
      ],
      { serve: true },
    );
    expect(flags.build).toMatchObject({
      seedsDir: "s",
      outDir: "o",
      base: "/archive/",
      site: { siteUrl: "https://a.example" },
      quiet: true,
      strict: true,
      wait: false,
      workers: 0,
    });
    expect([flags.verbose, flags.port, flags.host]).toEqual([false, 9000, "0.0.0.0"]);
  });
  test.each([
    [["--base", "../up"], /--base must be a URL path/],
    [["--base", "/a b/"], /--base must be a URL path/],
    [["--unknown"], /Unknown option/],
    [["--workers", "two"], /--workers must be a whole number from 0 to \d+ \(this machine's cores\)/],
    [["--workers=-1"], /--workers must be a whole number from 0 to \d+/],
    [["--workers", String(availableParallelism() + 1)], /--workers must be a whole number from 0 to \d+/],
    // `--port` is serve's alone.
    [["--port", "70000"], /Unknown option '--port'/],
  ])("%j is refused", (argv, message) => {
    expect(() => parseBuildFlags(argv)).toThrow(message);
  });
  test("--port out of range is refused by serve", () => {
    expect(() => parseBuildFlags(["--port", "0"], { serve: true })).toThrow(/--port must be a number from 1 to 65535/);
  });
});

describe("what a build makes again", () => {
  const state = (pages: Record<string, string>, search: Record<string, string>): BuildState => ({
    inputsKey: "i",
    globalsKey: "g",
    pages,
    search,
    data: {},
    sqlite: null,
    sitemap: "s",
    files: {},
  });
  const pages = new Map([
    ["/a/", "1"],
    ["/b/", "2"],
    ["/c/", "3"],
  ]);
  test("no previous build: every page", () => {
    expect(pagesToRender(pages, "g", null)).toEqual(new Set(["/a/", "/b/", "/c/"]));
  });
  test("pages whose digest changed, that are new, or whose file was changed by hand", () => {
    const previous = {
      state: state({ "/a/": "1", "/b/": "old" }, {}),
      published: {},
      changed: new Set(["c/index.html", "a/index.html"]),
    };
    expect(pagesToRender(pages, "g", previous)).toEqual(new Set(["/a/", "/b/", "/c/"]));
    const untouched = { state: state({ "/a/": "1", "/b/": "old" }, {}), published: {}, changed: new Set<string>() };
    expect(pagesToRender(pages, "g", untouched)).toEqual(new Set(["/b/", "/c/"]));
  });
  test("a change to what every page shows renders every page", () => {
    const previous = {
      state: state({ "/a/": "1", "/b/": "2", "/c/": "3" }, {}),
      published: {},
      changed: new Set<string>(),
    };
    expect(pagesToRender(pages, "g", previous)).toEqual(new Set());
    expect(pagesToRender(pages, "other", previous)).toEqual(new Set(["/a/", "/b/", "/c/"]));
  });
  test("search shards whose records changed, or whose files were changed by hand", () => {
    const previous = {
      state: state({}, { "2019": "x", "2018": "y", "2017": "z" }),
      published: {},
      changed: new Set(["pagefind/2018/pagefind.js"]),
    };
    expect(shardsToIndex({ "2019": "x", "2018": "y", "2017": "new", "2016": "w" }, previous)).toEqual(
      new Set(["2018", "2017", "2016"]),
    );
  });
});
