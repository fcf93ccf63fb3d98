/**
 * The render stage: article and list pages through Eleventy (only those
 * whose data changed since the published build; the others are hard-linked
 * from it), the search index by year, data, feeds and sitemap, all into the
 * staging folder.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/build-archive.ts";
import type { ListPage } from "../archive/paginate.ts";
import type { BuildState } from "../incremental/build-state.ts";
import { type ReusedStaging, carryOver } from "../incremental/carry-over.ts";
import type { PreviousBuild } from "../incremental/changed-pages.ts";
import { planRender } from "../incremental/render-plan.ts";
import type { ArticleRecord } from "../model/record.ts";
import type { Progress } from "../util/progress.ts";
import { jsonLines, writeStreamed } from "../util/write-streamed.ts";
import { type ArticleViewInput, buildArticleViews } from "./article-view.ts";
import { feedArticles, writeFeeds } from "./feeds.ts";
import { type ListViewInput, buildListPageView } from "./list-view.ts";
import type { EleventyRun } from "./run-eleventy.ts";
import { PAGES_PER_RUN, type RenderPool } from "./start-render-workers.ts";
import { groupByShard, searchRecords, writeSearchShards } from "./search-index.ts";
import { type SitemapEntry, writeSitemap } from "./sitemap.ts";
import type { Link } from "./summary.ts";
import { navigation } from "./navigation.ts";
import { STATIC_TEMPLATES } from "./static-pages.ts";
import type { StaticFile } from "./static-files.ts";

/** What the next build needs to know of this one, and how many pages were rendered. */
export type RenderedSite = Omit<BuildState, "files" | "inputsKey"> & {
  pagesRendered: number;
  /** The files carried over from the published site (same files, so their stamps are as that site's). */
  carried: readonly string[];
};

export interface RenderContext {
  views: ArticleViewInput;
  /** Digest of templates and code. */
  code: string;
  /** `globalsKey` of this archive. */
  globalsKey: string;
  staging: string;
  /** The published site, from which unchanged pages are linked. */
  outDir: string;
  previous: PreviousBuild | null;
  progress: Progress;
  /** Another Eleventy config than the project's (a site's own, or a test's). */
  eleventyConfig?: string;
  /** Threads rendering pages (`startRenderWorkers`); null renders them in this thread. */
  renderPool: RenderPool | null;
  /** The staging folder is the spare site, not an empty folder. */
  reused: ReusedStaging | null;
  /** The site's own files, copied in with the pages that are not articles or lists. */
  staticFiles: readonly StaticFile[];
}

export async function renderSite(archive: Archive, context: RenderContext): Promise<RenderedSite> {
  const { views, staging, outDir, previous, progress } = context;
  const { site, urls } = views;
  const { sections, masthead, archiveLinks } = navigation(archive, site.sections);
  const sectionsWithFeeds = new Set(
    archive.records.filter((record) => record.date !== null).map((record) => `/${record.section}/`),
  );
  const listInput: ListViewInput = {
    site,
    urls,
    withFeeds: sectionsWithFeeds,
    imagesByFile: views.imagesByFile,
    summaries: views.summaries,
  };

  const shards = groupByShard(archive.records);
  const sitemap = sitemapEntries(archive);
  const plan = await progress.phase("compare with last build", 0, () =>
    planRender(
      { archive, shards, sitemap, views, listInput, code: context.code, globalsKey: context.globalsKey },
      previous,
    ),
  );
  const { rendered, toIndex, sitemapCarried, carried, digests } = plan;
  // Linking is file-system work and rendering is CPU work: they overlap.
  const { linked } = await progress.phase("carry over", 0, () => carryOver(outDir, staging, carried, context.reused));
  linked.catch(() => undefined);

  const articlesToRender = archive.records.flatMap((record, i) => (rendered.has(record.url) ? [i] : []));
  const listsToRender = archive.listPages.filter((page) => rendered.has(page.url));
  const shared: Omit<EleventyRun, "articles" | "listPages" | "staticPages"> = {
    sections: masthead,
    allSections: sections,
    archiveLinks,
    site,
    stats: archive.stats,
    searchShards: [...shards.keys()].map((name) => `/pagefind/${name}/`),
    outDir: staging,
    pathPrefix: urls.pathPrefix,
    configPath: context.eleventyConfig,
    staticFiles: context.staticFiles,
  };
  const runs = eleventyRuns(articlesToRender, listsToRender);
  // Pages render in worker threads while this thread builds the next run's
  // views, feeds the search index (whose indexers run as processes of their
  // own) and writes the data, feeds and sitemap.
  await progress.phase("pages, search index, data", rendered.size + toIndex.size, async () => {
    const indexed = indexSearch(shards, toIndex, context);
    indexed.catch(() => undefined);
    const written = writeData(archive, sections, sitemapCarried === null ? sitemap : null, context);
    written.catch(() => undefined);
    const workers = context.renderPool;
    // Eleventy (a third of a second to load) is loaded here only when pages render in this thread.
    const render =
      workers === null
        ? (await import("./run-eleventy.ts")).runEleventy
        : (run: EleventyRun): Promise<void> => workers.run(run);
    const pending: Promise<void>[] = [];
    // A run that failed (a worker out of memory, a full disk) stops the loop; its error fails the build.
    let failed = false;
    for (const [n, run] of runs.entries()) {
      if (failed) break;
      // The next run's views are built while a worker renders; a worker takes one run at a time.
      const page = {
        articles: buildArticleViews(views, run.articles),
        listPages: run.lists.map((list) => buildListPageView(list, listInput)),
        staticPages: n === 0,
      };
      await workers?.whenFree(1);
      const done = render({ ...shared, ...page }).then(() => progress.tick(run.articles.length + run.lists.length));
      done.catch(() => (failed = true));
      pending.push(done);
      if (workers === null) await done;
    }
    // Everything stops writing before a failure is reported: the caller then deletes the folder.
    const settled = await Promise.allSettled([...pending, indexed, written]);
    const failure = settled.find((outcome) => outcome.status === "rejected");
    if (failure !== undefined) throw failure.reason;
  });
  await progress.phase("link unchanged pages", 0, () => linked);
  return {
    globalsKey: context.globalsKey,
    pages: Object.fromEntries(digests.pages),
    search: digests.search,
    sitemap: digests.sitemap,
    pagesRendered: rendered.size + STATIC_TEMPLATES.length,
    carried,
  };
}

/**
 * `data/articles.json` (every record), the Atom and JSON feeds, and the
 * sitemap and robots.txt unless they are carried over (null `sitemap`:
 * their URLs and dates are as they were; an edited paragraph changes
 * neither, and `sitemap` writes 13,000 URLs in 0.3 s).
 */
async function writeData(
  archive: Archive,
  sections: readonly Link[],
  sitemap: readonly SitemapEntry[] | null,
  context: RenderContext,
): Promise<void> {
  const { views, staging } = context;
  const { site, urls } = views;
  await mkdir(path.join(staging, "data"), { recursive: true });
  await writeStreamed(path.join(staging, "data", "articles.json"), jsonLines(archive.records));
  const articles = buildArticleViews(views, feedArticles(archive.records));
  await writeFeeds({ articles, sections, site, urls, outDir: staging });
  if (sitemap !== null) await writeSitemap(sitemap, staging, urls);
}

/** Every page's URL and date, for the sitemap. */
function sitemapEntries(archive: Archive): SitemapEntry[] {
  return [
    ...archive.listPages.map((page) => ({ url: page.url, lastmod: page.records[0]?.date?.slice(0, 10) ?? null })),
    ...archive.records.map((record) => ({ url: record.url, lastmod: record.date?.slice(0, 10) ?? null })),
    { url: "/about/", lastmod: null },
  ];
}

/** Indexes the shards `toIndex`; the others are carried over. */
async function indexSearch(
  shards: ReadonlyMap<string, readonly ArticleRecord[]>,
  toIndex: ReadonlySet<string>,
  context: RenderContext,
): Promise<void> {
  const { summaries, urls } = context.views;
  const indexed = new Map(
    [...shards]
      .filter(([name]) => toIndex.has(name))
      .map(([name, records]) => [name, () => searchRecords(records, summaries, urls.pathPrefix)]),
  );
  await writeSearchShards(indexed, context.staging, () => context.progress.tick());
}

/** Splits the pages to render into Eleventy runs; there is always one, for the static pages. */
function eleventyRuns(
  articles: readonly number[],
  lists: readonly ListPage[],
): { articles: number[]; lists: ListPage[] }[] {
  const runs: { articles: number[]; lists: ListPage[] }[] = [];
  for (let start = 0; start < articles.length; start += PAGES_PER_RUN) {
    runs.push({ articles: articles.slice(start, start + PAGES_PER_RUN), lists: [] });
  }
  for (let start = 0; start < lists.length; start += PAGES_PER_RUN) {
    runs.push({ articles: [], lists: lists.slice(start, start + PAGES_PER_RUN) });
  }
  return runs.length > 0 ? runs : [{ articles: [], lists: [] }];
}
