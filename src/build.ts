/**
 * The pipeline: validate + ingest -> archive -> render -> publish. Nothing is
 * written until every seed has parsed; the site is written beside the output
 * folder and swapped in only when complete.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Archive, buildArchive } from "./archive/build-archive.ts";
import { type IngestResult, contentByFile, ingestSeeds } from "./ingest/read-seeds.ts";
import { type Problem, problem, problemText } from "./problems.ts";
import { type PhaseTiming, Progress } from "./progress.ts";
import { BUILT_MARKER, prepareStaging, publish } from "./publish.ts";
import type { ArticleRecord } from "./record.ts";
import { buildArticleViews } from "./render/article-view.ts";
import { writeFeeds } from "./render/feeds.ts";
import { type PhotoImage, processImage } from "./render/images.ts";
import { buildListPageViews } from "./render/list-view.ts";
import { runEleventy } from "./render/run-eleventy.ts";
import { writeSearchIndex } from "./render/search-index.ts";
import { writeSitemap } from "./render/sitemap.ts";
import type { UrlContext } from "./render/urls.ts";
import { type SiteConfig, loadSiteConfig } from "./site-config.ts";

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

/** The validation pass: every seed parsed and checked, the archive assembled, nothing written. */
export async function validate(
  seedsDir: string,
  site: SiteConfig,
  progress = new Progress(false),
): Promise<Validation> {
  const options = { defaultSection: site.defaultSection, timeZone: site.timeZone };
  const ingest = await progress.phase("read and parse seeds", 0, () =>
    ingestSeeds(seedsDir, options, () => progress.tick()),
  );
  const archive = await progress.phase("archive", 0, () =>
    buildArchive(ingest.seeds, {
      timeZone: site.timeZone,
      sectionNames: site.sections,
      pageSize: site.pageSize,
      moreInSection: site.moreInSection,
    }),
  );
  return { ingest, archive, problems: [...ingest.problems, ...archive.problems] };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = new Progress(options.quiet !== true && process.stderr.isTTY);
  const site = loadSiteConfig(options.site);
  const { ingest, archive, problems } = await validate(options.seedsDir, site, progress);
  if (problems.some((p) => p.severity === "error")) throw new BuildError(problems);

  const outDir = path.resolve(options.outDir);
  const urls: UrlContext = { siteUrl: site.siteUrl, pathPrefix: normalizeBase(options.base ?? "/") };
  const staging = await prepareStaging(outDir);
  try {
    const images = await progress.phase("images", 0, () =>
      processImages(archive, options.seedsDir, staging, urls, problems),
    );
    const context = { contentByFile: contentByFile(ingest.seeds), images, site, urls, staging, progress };
    await render(archive, context, options.quiet ?? false);
    await progress.phase("publish", 0, () => publish(staging, outDir));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { records: archive.records, problems, seedFiles: ingest.fileCount, timings: progress.timings };
}

interface RenderContext {
  contentByFile: ReturnType<typeof contentByFile>;
  images: ReadonlyMap<string, PhotoImage>;
  site: SiteConfig;
  urls: UrlContext;
  staging: string;
  progress: Progress;
}

async function render(archive: Archive, context: RenderContext, quiet: boolean): Promise<void> {
  const { site, urls, staging, progress } = context;
  const { articles, listPages, sections } = await progress.phase("views", 0, () => {
    const views = buildArticleViews({
      archive,
      contentByFile: context.contentByFile,
      imagesByFile: context.images,
      site,
      urls,
    });
    return {
      articles: views,
      listPages: buildListPageViews(archive.listPages, site, urls),
      sections: archive.sections.map((listing) => ({ text: listing.name, url: listing.url })),
    };
  });
  const archiveLinks = listPages
    .filter((page) => (page.kind === "year" || page.kind === "undated") && page.pageNumber === 1)
    .map((page) => ({ text: page.kind === "year" ? page.url.slice(1, -1) : "Undated", url: page.url }));
  const dates = archive.records.flatMap((record) => record.date ?? []);
  await progress.phase("pages", articles.length + listPages.length, () =>
    runEleventy({
      articles,
      listPages,
      sections,
      archiveLinks,
      site,
      stats: {
        articles: archive.records.length,
        undated: archive.records.length - dates.length,
        newest: dates[0] ?? null,
        oldest: dates.at(-1) ?? null,
      },
      outDir: staging,
      pathPrefix: urls.pathPrefix,
      quiet,
    }),
  );
  await progress.phase("data, feeds, sitemap", 0, async () => {
    await mkdir(path.join(staging, "data"), { recursive: true });
    await writeFile(path.join(staging, BUILT_MARKER), `${JSON.stringify(archive.records, null, 2)}\n`);
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
  await progress.phase("search index", articles.length, () =>
    writeSearchIndex(articles, staging, urls.pathPrefix, () => progress.tick()),
  );
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
