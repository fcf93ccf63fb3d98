/**
 * The render stage carries out a build plan: the article and list pages it
 * names through Eleventy, the search shards it names, the data, feeds and
 * sitemap, all into the staging folder. What the plan leaves out is carried
 * over by the build; this stage knows nothing of earlier builds.
 */
import type { ListPage } from "../archive/paginate.ts";
import type { RenderPlan } from "../incremental/render-plan.ts";
import type { Progress } from "../util/progress.ts";
import { type ArticleView, type ArticleViewInput, buildArticleViews } from "./article-view.ts";
import { feedArticles, writeFeeds } from "./feeds.ts";
import { buildListPageView } from "./list-view.ts";
import type { EleventyRun } from "./run-eleventy.ts";
import { PAGES_PER_RUN, type RenderPool } from "./start-render-workers.ts";
import { searchPageData } from "./search-filters.ts";
import type { SiteParts } from "./site-parts.ts";
import { writeSitemap } from "./sitemap.ts";
import { writeYearOutputs } from "./year-outputs.ts";
import { SQLITE_FILE, writeSqlite } from "./sqlite-data.ts";
import path from "node:path";
import type { Link } from "./summary.ts";
import type { StaticFile } from "./static-files.ts";
import { type Bodies, withBodies } from "./bodies.ts";

export type { Bodies };

export interface RenderContext {
  staging: string;
  progress: Progress;
  /** Another Eleventy config than the project's (a site's own, or a test's). */
  eleventyConfig?: string;
  /** Threads rendering pages (`startRenderWorkers`); null renders them in this thread. */
  renderPool: RenderPool | null;
  /** The site's own files, copied in with the pages that are not articles or lists. */
  staticFiles: readonly StaticFile[];
  bodies: Bodies;
}

export async function renderSite(parts: SiteParts, plan: RenderPlan, context: RenderContext): Promise<void> {
  const { archive, views, listInput, shards } = parts;
  const { staging, progress } = context;
  const { site, urls } = views;
  const { sections, masthead, archiveLinks } = parts.nav;
  const { rendered, toIndex } = plan;
  const articlesToRender = archive.records.flatMap((record, i) => (rendered.has(record.url) ? [i] : []));
  const listsToRender = archive.listPages.filter((page) => rendered.has(page.url));
  const shared: Omit<EleventyRun, "articles" | "listPages" | "staticPages"> = {
    sections: masthead,
    allSections: sections,
    archiveLinks,
    site,
    stats: archive.stats,
    search: searchPageData(shards, site.sections),
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
    const indexed = writeYearOutputs(parts, plan, { ...context, onShard: () => progress.tick() });
    indexed.catch(() => undefined);
    const written = writeData(parts, plan, context);
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
        articles: articleViews(views, run.articles, context.bodies),
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
}

/**
 * The Atom and JSON feeds, `--sqlite`'s file, and the sitemap and robots.txt
 * unless they are carried over (null `sitemap`: their URLs and dates are as
 * they were; an edited paragraph changes neither, and `sitemap` writes
 * 13,000 URLs in 0.3 s). The data files are the years' (`year-outputs.ts`).
 */
async function writeData(
  { archive, views, nav, sitemap: entries }: SiteParts,
  plan: RenderPlan,
  { staging, bodies }: RenderContext,
): Promise<void> {
  const { site, urls } = views;
  const sections: readonly Link[] = nav.sections;
  if (plan.writeSqlite) await writeSqlite(withBodies(archive.records, bodies), path.join(staging, SQLITE_FILE));
  const articles = articleViews(views, feedArticles(archive.records), bodies);
  await writeFeeds({ articles, sections, site, urls, outDir: staging });
  if (plan.sitemapCarried === null) await writeSitemap(entries, staging, urls);
}

/** The views of the articles at `positions` in the archive, made while their bodies are borrowed. */
function articleViews(views: ArticleViewInput, positions: readonly number[], bodies: Bodies): ArticleView[] {
  const giveBack = bodies.borrow(positions.flatMap((i) => views.archive.records[i] ?? []));
  try {
    return buildArticleViews(views, positions);
  } finally {
    giveBack();
  }
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
