/** The render plan on its own: which pages render again after a change, which are carried over. */
import { describe, expect, test } from "vitest";
import { buildArchive } from "../src/archive/build-archive.ts";
import type { PreviousBuild } from "../src/incremental/changed-pages.ts";
import { type RenderPlan, globalsKey, planRender } from "../src/incremental/render-plan.ts";
import type { SeedArticle } from "../src/model/record.ts";
import { SITE_DEFAULTS } from "../src/model/site-config.ts";
import { dataFileOf } from "../src/render/data-files.ts";
import type { PhotoImage } from "../src/render/images.ts";
import { navigation } from "../src/render/navigation.ts";
import { siteParts } from "../src/render/site-parts.ts";
import { Summaries } from "../src/render/summary.ts";
import { seedArticle } from "./records.ts";

const OPTIONS = { timeZone: "Asia/Phnom_Penh", sectionNames: SITE_DEFAULTS.sections, pageSize: 2, moreInSection: 2 };
const urls = { siteUrl: "https://archive.example.org", pathPrefix: "/" };

interface Setting {
  images?: ReadonlyMap<string, PhotoImage>;
  pathPrefix?: string;
  /** Seed files whose articles changed only their own pages (`planRender`'s `own`). */
  own?: ReadonlySet<string>;
}

function plan(
  articles: SeedArticle[],
  previous: PreviousBuild | null,
  setting: Setting = {},
): RenderPlan & { globals: string } {
  const archive = buildArchive(articles, OPTIONS);
  const at = { ...urls, pathPrefix: setting.pathPrefix ?? "/" };
  const imagesByFile = setting.images ?? new Map<string, PhotoImage>();
  const views = {
    archive,
    imagesByFile,
    summaries: new Summaries(SITE_DEFAULTS.sections),
    site: SITE_DEFAULTS,
    urls: at,
  };
  const nav = navigation(archive, SITE_DEFAULTS.sections);
  const globals = globalsKey(nav, "code", SITE_DEFAULTS, at);
  const input = { ...siteParts(views, nav), code: "code", globalsKey: globals, sqlite: false };
  return { ...planRender(input, previous, setting.own ?? null), globals };
}

/** A photo of article `file`, as the image step gives it, with `url` for its renditions. */
const photoOf = (file: string, url: string): ReadonlyMap<string, PhotoImage> =>
  new Map([[file, { html: `<img src="${url}">`, url, thumbnail: { url, width: 480, height: 320 } }]]);

/** The build `made` published, with its files as they were written. */
function published(made: RenderPlan & { globals: string }): PreviousBuild {
  const pages = Object.fromEntries(made.digests.pages);
  const files = Object.fromEntries(
    [
      ...[...made.digests.pages.keys()].map((url) => `${url.slice(1)}index.html`),
      ...Object.keys(made.digests.data).map(dataFileOf),
    ].map((file) => [file, { size: 1, mtimeMs: 1 }]),
  );
  return {
    state: {
      inputsKey: "i",
      globalsKey: made.globals,
      pages,
      search: made.digests.search,
      data: made.digests.data,
      sitemap: made.digests.sitemap,
      files,
    },
    published: files,
    changed: new Set(),
  } as unknown as PreviousBuild;
}

const articles = (headline3: string, tags5: string[] = []): SeedArticle[] =>
  [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
    seedArticle({
      headline: n === 3 ? headline3 : `Story ${n}`,
      date: `2019-04-1${n}`,
      tags: n === 5 ? tags5 : [],
      source: { file: `a${n}.txt`, sha256: String(n).repeat(64), url: null, fetched: null },
    }),
  );

describe("planRender", () => {
  test("a first build renders every page and carries nothing over", () => {
    const first = plan(articles("Story 3"), null);
    expect(first.rendered.size).toBe(first.digests.pages.size);
    expect(first.carried).toEqual([]);
  });

  test("nothing changed: nothing renders, every page is carried over", () => {
    const first = plan(articles("Story 3"), null);
    const again = plan(articles("Story 3"), published(first));
    expect(again.rendered.size).toBe(0);
    // Every page and every year's data file.
    expect(again.carried).toHaveLength(first.digests.pages.size + Object.keys(first.digests.data).length);
    expect(again.dataToWrite.size).toBe(0);
  });

  test("a new headline renders its page, the pages that link to it and the lists that show it; not the others", () => {
    const first = plan(articles("Story 3"), null);
    const changed = [...plan(articles("Story three, revised"), published(first)).rendered];
    // Its own page, its older and newer neighbours, and the others of its section (their "More in" lists).
    for (const url of ["/national/story-three-revised/", "/national/story-2/", "/national/story-4/"])
      expect(changed).toContain(url);
    // The lists on which it stands (two to a page): not the first pages, which show newer stories.
    expect(changed.some((url) => url.startsWith("/page/"))).toBe(true);
    expect(changed).not.toContain("/");
    // Another section's articles show nothing of it, except the one whose newer-article link points at it.
    expect(changed.filter((url) => url.startsWith("/business/story-"))).toEqual([]);
  });

  test("a page changed by hand in the published site is rendered again", () => {
    const first = plan(articles("Story 3"), null);
    const previous = published(first);
    const handEdited = { ...previous, changed: new Set(["national/story-1/index.html"]) };
    expect([...plan(articles("Story 3"), handEdited).rendered]).toEqual(["/national/story-1/"]);
  });

  test("a neighbour's new photo renders the pages that show its thumbnail: its own, its neighbours', its lists", () => {
    const first = plan(articles("Story 3"), null, { images: photoOf("a3.txt", "/img/old.jpeg") });
    const changed = [
      ...plan(articles("Story 3"), published(first), { images: photoOf("a3.txt", "/img/new.jpeg") }).rendered,
    ];
    for (const url of ["/national/story-3/", "/national/story-2/", "/national/story-4/"])
      expect(changed).toContain(url);
    expect(changed.some((url) => url.startsWith("/page/"))).toBe(true);
    expect(changed).not.toContain("/");
    expect(changed).not.toContain("/national/story-8/");
  });

  test("a tag added renders the article's page and makes the tag's page; its neighbours do not show tags", () => {
    const first = plan(articles("Story 3"), null);
    const changed = [...plan(articles("Story 3", ["rice"]), published(first)).rendered].sort();
    expect(changed).toContain("/national/story-5/");
    expect(changed).toContain("/tag/rice/");
    expect(changed).not.toContain("/national/story-4/");
    expect(changed).not.toContain("/national/story-6/");
  });

  test("a new base path renders every page and indexes every shard again", () => {
    const first = plan(articles("Story 3"), null);
    const moved = plan(articles("Story 3"), published(first), { pathPrefix: "/archive/" });
    expect(moved.globals).not.toBe(first.globals);
    expect(moved.rendered.size).toBe(first.digests.pages.size);
    expect(moved.toIndex.size).toBe(Object.keys(first.digests.search).length);
    expect(moved.carried.filter((file) => file.endsWith("index.html"))).toEqual([]);
  });

  test("an edit writes its year's data file again and carries the other years' over", () => {
    const years = (headline: string): SeedArticle[] =>
      articles(headline).map((article, i) => (i < 4 ? { ...article, date: `2018-03-1${i}` } : article));
    const first = plan(years("Story 3"), null);
    expect(Object.keys(first.digests.data).sort()).toEqual(["2018", "2019"]);
    const unchanged = plan(years("Story 3"), published(first));
    expect([...unchanged.dataToWrite]).toEqual([]);
    const again = plan(years("Story three, revised"), published(first));
    expect([...again.dataToWrite]).toEqual(["2018"]);
    expect(again.carried).toContain("data/articles/2019.json");
    expect(again.carried).not.toContain("data/articles/2018.json");
  });

  test("articles that changed only their own pages: the digests and plan are those of comparing every page", () => {
    const years = (edited: boolean): SeedArticle[] =>
      articles("Story 3").map((article, i) => {
        const dated = i < 4 ? { ...article, date: `2018-03-1${i}` } : article;
        if (!edited || i !== 5) return dated;
        const source = { ...dated.source, sha256: "e".repeat(64) };
        return { ...dated, source, body: [...dated.body, "A paragraph added further down."] };
      });
    const first = plan(years(false), null);
    const compared = plan(years(true), published(first));
    const own = plan(years(true), published(first), { own: new Set(["a6.txt"]) });
    expect(own.digests).toEqual(compared.digests);
    expect(own.rendered).toEqual(compared.rendered);
    expect([...own.rendered]).toEqual(["/national/story-6/"]);
    expect([...own.dataToWrite]).toEqual(["2019"]);
    // Told wrongly that an article changed only its own page, the plan keeps the other pages' last digests.
    const told = plan(articles("Story three, revised"), published(plan(articles("Story 3"), null)), {
      own: new Set(["a3.txt"]),
    });
    expect([...told.rendered]).toEqual(["/national/story-three-revised/"]);
  });
});
