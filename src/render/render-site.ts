/**
 * The render stage: article and list pages through Eleventy (only those
 * whose data changed since the published build; the others are hard-linked
 * from it), the search index by year, data, feeds and sitemap, all into the
 * staging folder.
 */
import { mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { BuildState } from "../incremental/build-state.ts";
import { linkFiles, linkFolder, linkPages } from "../incremental/carry-over.ts";
import { forEachConcurrently } from "../util/for-each-concurrently.ts";
import { digestJson, digestJsonEach } from "../incremental/digest.ts";
import { type Problem, problem, problemText } from "../model/problems.ts";
import type { Progress } from "../util/progress.ts";
import { BUILT_MARKER } from "../output/publish.ts";
import type { ArticleRecord } from "../model/record.ts";
import { jsonLines, writeStreamed } from "../util/write-streamed.ts";
import { type ArticleViewInput, articlePageKey, buildArticleViews } from "./article-view.ts";
import { feedArticles, writeFeeds } from "./feeds.ts";
import { type ImageContext, type PhotoImage, processImage } from "./images.ts";
import { type ListPageView, buildListPageViews } from "./list-view.ts";
import { NunjucksTemplates } from "./nunjucks-templates.ts";
import { runEleventy } from "./run-eleventy.ts";
import { type ShardRecords, groupByShard, searchRecords, writeSearchShards } from "./search-index.ts";
import { writeSitemap } from "./sitemap.ts";
import { STATIC_TEMPLATES } from "./static-pages.ts";

/** What the next build needs to know of this one, and how many pages were rendered. */
export type RenderedSite = Omit<BuildState, "files" | "inputsKey"> & { pagesRendered: number };

export interface RenderContext {
  views: ArticleViewInput;
  /** Digest of templates and code. */
  code: string;
  staging: string;
  /** The published site, from which unchanged pages are linked. */
  outDir: string;
  /** The state of the build that published `outDir`, and the files of it changed since (by hand); null when there is none. */
  previous: { state: BuildState; changed: ReadonlySet<string> } | null;
  progress: Progress;
}

/** Pages per Eleventy run: bounds the memory one run holds, at a small cost per run. */
const PAGES_PER_RUN = 1000;

export async function renderSite(archive: Archive, context: RenderContext): Promise<RenderedSite> {
  const { views, staging, outDir, previous, progress } = context;
  const { site, urls } = views;
  const sections = archive.sections.map((listing) => ({ text: listing.name, url: listing.url }));
  const sectionsWithFeeds = new Set(
    archive.records.filter((record) => record.date !== null).map((record) => `/${record.section}/`),
  );
  const listPages = buildListPageViews(archive.listPages, site, urls, sectionsWithFeeds, views.imagesByFile);
  const archiveLinks = listPages
    .filter((page) => (page.kind === "year" || page.kind === "undated") && page.pageNumber === 1)
    .map((page) => ({ text: page.kind === "year" ? page.url.slice(1, -1) : "Undated", url: page.url }));

  // A page is reused when it and everything all pages share are as they were.
  const globalsKey = digestJson([context.code, sections, archiveLinks, site, urls]);
  const reusable = previous !== null && previous.state.globalsKey === globalsKey ? intactPages(previous) : {};
  const pages: Record<string, string> = {};
  const { articlesToRender, listsToRender } = await progress.phase("compare with last build", 0, () => {
    const articleIndices = archive.records.flatMap((record, i) => {
      const key = articlePageKey(views, i);
      pages[record.url] = key;
      return reusable[record.url] === key ? [] : [i];
    });
    const lists = listPages.filter((page) => {
      const key = digestJson(page);
      pages[page.url] = key;
      return reusable[page.url] !== key;
    });
    return { articlesToRender: articleIndices, listsToRender: lists };
  });

  const rendered = new Set([
    ...articlesToRender.map((i) => archive.records[i]?.url),
    ...listsToRender.map((page) => page.url),
  ]);
  // Linking is file-system work and rendering is CPU work: they overlap.
  const linked = linkPages(
    outDir,
    staging,
    Object.keys(pages).filter((url) => !rendered.has(url)),
  );
  linked.catch(() => undefined);

  const shards = groupByShard(archive.records);
  const dates = archive.records.flatMap((record) => record.date ?? []);
  const shared = {
    sections,
    archiveLinks,
    site,
    stats: {
      articles: archive.records.length,
      undated: archive.records.length - dates.length,
      newest: dates[0] ?? null,
      oldest: dates.at(-1) ?? null,
    },
    searchShards: [...shards.keys()].map((name) => `/pagefind/${name}/`),
    outDir: staging,
    pathPrefix: urls.pathPrefix,
  };
  const runs = eleventyRuns(articlesToRender, listsToRender);
  await progress.phase("pages", articlesToRender.length + listsToRender.length, async () => {
    const templates = new NunjucksTemplates();
    for (const [n, run] of runs.entries()) {
      const articles = buildArticleViews(views, run.articles);
      await runEleventy({ ...shared, articles, listPages: run.lists, staticPages: n === 0, templates });
      progress.tick(run.articles.length + run.lists.length);
    }
  });
  // After the pages, not beside them: both would feed from this one thread, and each slowed the other.
  const search = await indexSearch(shards, context);

  await progress.phase("data, feeds, sitemap", 0, async () => {
    await mkdir(path.join(staging, "data"), { recursive: true });
    await writeStreamed(path.join(staging, BUILT_MARKER), jsonLines(archive.records));
    const articles = buildArticleViews(views, feedArticles(archive.records));
    await writeFeeds({ articles, sections, site, urls, outDir: staging });
    await writeSitemap(
      [
        ...listPages.map((page) => ({ url: page.url, lastmod: page.items[0]?.date?.slice(0, 10) ?? null })),
        ...archive.records.map((record) => ({ url: record.url, lastmod: record.date?.slice(0, 10) ?? null })),
        { url: "/about/", lastmod: null },
      ],
      staging,
      urls,
    );
  });
  await progress.phase("link unchanged pages", 0, () => linked);
  return { globalsKey, pages, search, pagesRendered: rendered.size + STATIC_TEMPLATES.length };
}

/** Indexes the shards whose records changed, links the others from the published site; returns each shard's key. */
async function indexSearch(
  shards: ReadonlyMap<string, readonly ArticleRecord[]>,
  context: RenderContext,
): Promise<Record<string, string>> {
  const { site, urls } = context.views;
  const recordsOf =
    (records: readonly ArticleRecord[]): ShardRecords =>
    () =>
      searchRecords(records, site.sections, urls.pathPrefix);
  const keys: Record<string, string> = {};
  const toIndex = new Map<string, ShardRecords>();
  const toLink: string[] = [];
  for (const [name, records] of shards) {
    // A shard's index is a function of its records, the section names and the
    // base path; the code digest covers how it is made (and Pagefind's version).
    keys[name] = digestJsonEach([context.code, site.sections, urls.pathPrefix, ...records]);
    const intact = ![...(context.previous?.changed ?? [])].some((file) => file.startsWith(`pagefind/${name}/`));
    if (context.previous?.state.search[name] === keys[name] && intact) toLink.push(name);
    else toIndex.set(name, recordsOf(records));
  }
  await context.progress.phase("search index", toIndex.size, () =>
    Promise.all([
      writeSearchShards(toIndex, context.staging, () => context.progress.tick()),
      ...toLink.map((name) => linkFolder(context.outDir, context.staging, path.join("pagefind", name))),
    ]),
  );
  return keys;
}

/** Page digests of the published build, less the pages whose file was changed or deleted by hand. */
function intactPages(previous: NonNullable<RenderContext["previous"]>): Record<string, string> {
  const { pages } = previous.state;
  if (previous.changed.size === 0) return pages;
  return Object.fromEntries(
    Object.entries(pages).filter(([url]) => !previous.changed.has(`${url.slice(1)}index.html`)),
  );
}

/** Splits the pages to render into Eleventy runs; there is always one, for the static pages. */
function eleventyRuns(
  articles: readonly number[],
  lists: readonly ListPageView[],
): { articles: number[]; lists: ListPageView[] }[] {
  const runs: { articles: number[]; lists: ListPageView[] }[] = [];
  for (let start = 0; start < articles.length; start += PAGES_PER_RUN) {
    runs.push({ articles: articles.slice(start, start + PAGES_PER_RUN), lists: [] });
  }
  for (let start = 0; start < lists.length; start += PAGES_PER_RUN) {
    runs.push({ articles: [], lists: lists.slice(start, start + PAGES_PER_RUN) });
  }
  return runs.length > 0 ? runs : [{ articles: [], lists: [] }];
}

/**
 * Front-matter images, encoded (or taken from the image cache) a few at a
 * time and linked into the staging folder's `/img/`. A missing image, or
 * one outside the seeds folder, was reported by validation and gives no
 * image; one that fails to encode gives no image and a warning.
 */
export async function processImages(
  archive: Archive,
  context: ImageContext,
  staging: string,
  problems: Problem[],
): Promise<Map<string, PhotoImage>> {
  const images = new Map<string, PhotoImage>();
  // Two articles may show the same photo: its files are linked once.
  const files = new Set<string>();
  const failed = new Set<ArticleRecord>();
  const withImage = archive.records.filter((record) => typeof record.photo?.image === "string");
  await forEachConcurrently(withImage, availableParallelism(), async (record) => {
    const processed = await processImage(
      record.photo?.image ?? "",
      record.photo?.caption ?? record.headline,
      context,
    ).catch(() => {
      failed.add(record);
      return null;
    });
    if (processed === null) return;
    images.set(record.source.file, processed.photo);
    for (const file of processed.files) files.add(file);
  });
  await linkFiles(context.cache.dir, path.join(staging, "img"), [...files]);
  // Warnings in archive order, whatever order the images finished in; one per image, not again if validation gave it.
  const reported = new Set(problems.filter((p) => p.message.startsWith("image ")).map((p) => p.file));
  for (const record of archive.records) {
    if (failed.has(record) && !reported.has(record.source.file)) {
      problems.push(problem(record.source.file, 1, "warning", problemText.imageUndecodable(record.photo?.image ?? "")));
    }
  }
  return images;
}
