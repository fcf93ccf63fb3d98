/**
 * The pipeline: validate + ingest -> archive -> render -> publish. Nothing is
 * written until every seed has parsed; the site is written beside the output
 * folder and swapped in only when complete. A rebuild reuses what the last
 * one left in `.cache/`: seeds are parsed only when their bytes changed, a
 * page is rendered only when what it shows changed (unchanged pages are
 * hard-linked from the published site), and when nothing changed at all
 * nothing is written.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { type Archive, buildArchive } from "./archive/build-archive.ts";
import { type IngestResult, type SeedOutcome, type SeedFile, ingestSeeds } from "./ingest/read-seeds.ts";
import { type BuildState, cacheDirFor, readBuildState, writeBuildState } from "./incremental/build-state.ts";
import { linkFolder, linkPages } from "./incremental/carry-over.ts";
import { codeVersion } from "./incremental/code-version.ts";
import { digestJson } from "./incremental/digest.ts";
import { RecordCache } from "./incremental/record-cache.ts";
import { type Problem, problem, problemText } from "./problems.ts";
import { type PhaseTiming, Progress } from "./progress.ts";
import { BUILT_MARKER, prepareStaging, publish } from "./publish.ts";
import type { ArticleRecord } from "./record.ts";
import { type ArticleViewInput, articlePageKey, buildArticleViews } from "./render/article-view.ts";
import { feedArticles, writeFeeds } from "./render/feeds.ts";
import { type PhotoImage, processImage } from "./render/images.ts";
import { type ListPageView, buildListPageViews } from "./render/list-view.ts";
import {
  type ShardRecords,
  groupByShard,
  searchIndexKey,
  searchRecords,
  writeSearchShards,
} from "./render/search-index.ts";
import { NunjucksTemplates } from "./render/nunjucks-templates.ts";
import { writeSitemap } from "./render/sitemap.ts";
import type { UrlContext } from "./render/urls.ts";
import { type SiteConfig, loadSiteConfig } from "./site-config.ts";
import { prettyJsonArray, writeStreamed } from "./write-streamed.ts";

export interface BuildOptions {
  /** Folder of `.txt` and `.md` seeds. */
  seedsDir: string;
  /** Folder the site is published to; replaced as a whole. */
  outDir: string;
  /** Deployment base path, e.g. `/archive/`; `/` for a site at the domain root. */
  base?: string;
  /** Settings overriding `site.config.json` and the environment. */
  site?: Partial<SiteConfig>;
  quiet?: boolean;
}

export interface BuildResult {
  records: ArticleRecord[];
  /** Warnings only: a build with errors throws `BuildError`. */
  problems: Problem[];
  seedFiles: number;
  /** Pages the site has: articles, lists, and the about, search and 404 pages. */
  pages: number;
  /** Pages rendered by this build; the others were unchanged. */
  pagesRendered: number;
  /** Nothing had changed since the last build, so nothing was written. */
  upToDate: boolean;
  /** How long each phase took. */
  timings: PhaseTiming[];
}

/** The build stopped before writing anything because seeds have errors. */
export class BuildError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === "error").length;
    super(`${errors} error${errors === 1 ? "" : "s"} in seeds; nothing was written`);
    this.name = "BuildError";
  }
}

export interface Validation {
  ingest: IngestResult;
  archive: Archive;
  /** Errors and warnings of every seed, in file order. */
  problems: Problem[];
}

/** The validation pass: every seed parsed (or taken from `cached`) and checked, the archive assembled, nothing written. */
export async function validate(
  seedsDir: string,
  site: SiteConfig,
  progress = new Progress(false),
  cached?: (seed: SeedFile) => SeedOutcome | undefined,
): Promise<Validation> {
  const options = seedOptions(site);
  const ingest = await progress.phase("read and parse seeds", 0, () =>
    ingestSeeds(seedsDir, options, { onSeed: () => progress.tick(), ...(cached === undefined ? {} : { cached }) }),
  );
  const archive = await progress.phase("archive", 0, () =>
    buildArchive(ingest.articles, {
      timeZone: site.timeZone,
      sectionNames: site.sections,
      pageSize: site.pageSize,
      moreInSection: site.moreInSection,
    }),
  );
  return { ingest, archive, problems: [...ingest.problems, ...archive.problems] };
}

/** The about, search and 404 pages. */
const STATIC_PAGES = 3;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = new Progress(options.quiet !== true && process.stderr.isTTY);
  const site = loadSiteConfig(options.site);
  const outDir = path.resolve(options.outDir);
  const urls: UrlContext = { siteUrl: site.siteUrl, pathPrefix: normalizeBase(options.base ?? "/") };
  const cacheDir = cacheDirFor(outDir);
  const code = await codeVersion();
  const recordCache = await RecordCache.open(cacheDir, digestJson([code, seedOptions(site)]));
  const { ingest, archive, problems } = await validate(options.seedsDir, site, progress, (seed) =>
    recordCache.get(seed),
  );
  if (problems.some((p) => p.severity === "error")) throw new BuildError(problems);

  const result = {
    records: archive.records,
    problems,
    seedFiles: ingest.files.length,
    pages: archive.records.length + archive.listPages.length + STATIC_PAGES,
    timings: progress.timings,
  };
  const inputsKey = digestJson([code, site, urls, ingest.files]);
  const previous = await readBuildState(cacheDir, outDir);
  if (previous?.inputsKey === inputsKey) return { ...result, pagesRendered: 0, upToDate: true };

  const staging = await prepareStaging(outDir);
  let rendered: Omit<BuildState, "output" | "inputsKey"> & { pagesRendered: number };
  try {
    const images = await progress.phase("images", 0, () =>
      processImages(archive, options.seedsDir, staging, urls, problems),
    );
    rendered = await render(archive, {
      views: { archive, markdownTrees: ingest.markdownTrees, imagesByFile: images, site, urls },
      code,
      staging,
      outDir,
      previous,
      progress,
      quiet: options.quiet ?? false,
    });
    await progress.phase("publish", 0, () => publish(staging, outDir));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const { pagesRendered, ...state } = rendered;
  await writeBuildState(cacheDir, outDir, { inputsKey, ...state });
  await recordCache.save(ingest.files, ingest.parsed);
  return { ...result, pagesRendered, upToDate: false };
}

function seedOptions(site: SiteConfig): { defaultSection: string; timeZone: string } {
  return { defaultSection: site.defaultSection, timeZone: site.timeZone };
}

interface RenderContext {
  views: ArticleViewInput;
  /** Digest of templates and code. */
  code: string;
  staging: string;
  /** The published site, from which unchanged pages are linked. */
  outDir: string;
  /** The state of the build that published `outDir`, if it can be trusted. */
  previous: BuildState | null;
  progress: Progress;
  quiet: boolean;
}

/** Pages per Eleventy run: bounds the memory one run holds, at a small cost per run. */
const PAGES_PER_RUN = 1000;

async function render(
  archive: Archive,
  context: RenderContext,
): Promise<Omit<BuildState, "output" | "inputsKey"> & { pagesRendered: number }> {
  const { views, staging, outDir, previous, progress } = context;
  const { site, urls } = views;
  const sections = archive.sections.map((listing) => ({ text: listing.name, url: listing.url }));
  const listPages = buildListPageViews(archive.listPages, site, urls);
  const archiveLinks = listPages
    .filter((page) => (page.kind === "year" || page.kind === "undated") && page.pageNumber === 1)
    .map((page) => ({ text: page.kind === "year" ? page.url.slice(1, -1) : "Undated", url: page.url }));

  // A page is reused when it and everything all pages share are as they were.
  const globalsKey = digestJson([context.code, sections, archiveLinks, site, urls]);
  const reusable = previous !== null && previous.globalsKey === globalsKey ? previous.pages : {};
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
    quiet: context.quiet,
  };
  const runs = eleventyRuns(articlesToRender, listsToRender);
  await progress.phase("pages", articlesToRender.length + listsToRender.length, async () => {
    const { runEleventy } = await import("./render/run-eleventy.ts");
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
    await writeStreamed(path.join(staging, BUILT_MARKER), prettyJsonArray(archive.records));
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
  const rendered = new Set([
    ...articlesToRender.map((i) => archive.records[i]?.url),
    ...listsToRender.map((page) => page.url),
  ]);
  await progress.phase("link unchanged pages", 0, () =>
    linkPages(
      outDir,
      staging,
      Object.keys(pages).filter((url) => !rendered.has(url)),
    ),
  );
  return { globalsKey, pages, search, pagesRendered: rendered.size + STATIC_PAGES };
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
    keys[name] = searchIndexKey(recordsOf(records)());
    if (context.previous?.search[name] === keys[name]) toLink.push(name);
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

/** Front-matter images, processed into the staging folder; a missing one is a warning and no image. */
async function processImages(
  archive: Archive,
  seedsDir: string,
  outDir: string,
  urls: UrlContext,
  problems: Problem[],
): Promise<Map<string, PhotoImage>> {
  const images = new Map<string, PhotoImage>();
  for (const record of archive.records) {
    const image = record.photo?.image;
    if (image === undefined || image === null) continue;
    const processed = await processImage(image, record.photo?.caption ?? record.headline, { seedsDir, outDir, urls });
    if (processed === null) problems.push(problem(record.source.file, 1, "warning", problemText.imageNotFound(image)));
    else images.set(record.source.file, processed);
  }
  return images;
}

/** `archive` -> `/archive/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}
