/**
 * The render plan: from what every page, search shard and the sitemap show
 * (their digests) and the build that published the site, which pages to
 * render, which shards to index, and which published files to carry over.
 * The digests are saved with the build's state for the next build to compare.
 */
import type { ArticleRecord } from "../model/record.ts";
import type { SiteConfig } from "../model/site-config.ts";
import type { BuildState } from "./build-state.ts";
import { listPageAbout } from "../render/list-view.ts";
import type { Navigation } from "../render/navigation.ts";
import { PageKeys } from "../render/page-keys.ts";
import type { SiteParts } from "../render/site-parts.ts";
import { isSitemapFile } from "../render/sitemap.ts";
import { dataFileOf } from "../render/data-files.ts";
import { SQLITE_FILE } from "../render/sqlite-data.ts";
import type { UrlContext } from "../render/urls.ts";
import { type PreviousBuild, filesToCarryOver, pageFiles, pagesToRender, shardsToIndex } from "./changed-pages.ts";
import { digestJson, digestJsonEach } from "./digest.ts";

export interface SiteDigests {
  /** Page URL -> digest. */
  pages: Map<string, string>;
  /** Search shard -> digest. */
  search: Record<string, string>;
  /** Year -> digest of its data file's records. */
  data: Record<string, string>;
  /** Digest of the records `data/archive.sqlite` holds; null when the build makes none. */
  sqlite: string | null;
  sitemap: string;
}

export interface RenderPlan {
  /** URLs of the pages to render. */
  rendered: Set<string>;
  /** Search shards to index. */
  toIndex: Set<string>;
  /** Years whose data file is written; the others are carried over. */
  dataToWrite: Set<string>;
  /** Whether `data/archive.sqlite` is written (asked for, and not carried over). */
  writeSqlite: boolean;
  /** The sitemap's files when they are carried over; null when the sitemap is written. */
  sitemapCarried: string[] | null;
  /** Every published file carried over into the new site. */
  carried: string[];
  digests: SiteDigests;
}

export type PlanInput = Omit<SiteParts, "nav"> & {
  /** Digest of templates and code. */
  code: string;
  globalsKey: string;
  /** Whether the build publishes `data/archive.sqlite`. */
  sqlite: boolean;
};

/**
 * What to make again of the site, given the build that published it (null:
 * everything) and the seed files whose articles changed only their own
 * pages, search shards and data files since (`own`, from `own-edits.ts`;
 * null: any page may have changed). Other pages keep that build's digests.
 */
export function planRender(
  input: PlanInput,
  previous: PreviousBuild | null,
  own: ReadonlySet<string> | null = null,
): RenderPlan {
  const { shards, years } = input;
  const digests = siteDigests(input, previous === null || own === null ? null : { state: previous.state, own });
  const pageUrls = [...digests.pages.keys()];
  if (previous === null)
    return {
      rendered: new Set(pageUrls),
      toIndex: new Set(shards.keys()),
      dataToWrite: new Set(years.keys()),
      writeSqlite: input.sqlite,
      sitemapCarried: null,
      carried: [],
      digests,
    };
  const rendered = pagesToRender(digests.pages, input.globalsKey, previous);
  const toIndex = shardsToIndex(digests.search, previous);
  const sitemapCarried = filesToCarryOver(digests.sitemap, previous.state.sitemap, isSitemapFile, previous);
  const keptShards = [...shards.keys()].filter((name) => !toIndex.has(name));
  // A year's data file is carried over when its records are as they were and the file is there untouched.
  const keptData = new Set(
    [...years.keys()].filter((name) => {
      const file = dataFileOf(name);
      const intact = previous.published[file] !== undefined && !previous.changed.has(file);
      return intact && previous.state.data[name] === digests.data[name];
    }),
  );
  const sqliteCarried =
    digests.sqlite === null
      ? null
      : filesToCarryOver(digests.sqlite, previous.state.sqlite ?? undefined, (file) => file === SQLITE_FILE, previous);
  const carried = [
    ...pageFiles(pageUrls.filter((url) => !rendered.has(url))),
    ...shardFiles(keptShards, previous),
    ...[...keptData].map(dataFileOf),
    ...(sitemapCarried ?? []),
    ...(sqliteCarried ?? []),
  ];
  const dataToWrite = new Set([...years.keys()].filter((name) => !keptData.has(name)));
  const writeSqlite = input.sqlite && sqliteCarried === null;
  return { rendered, toIndex, dataToWrite, writeSqlite, sitemapCarried, carried, digests };
}

/** What every page shows besides its own data: a change to it renders every page. */
export function globalsKey(
  { masthead, sections, archiveLinks }: Navigation,
  code: string,
  site: SiteConfig,
  urls: UrlContext,
): string {
  // The sections page, rendered with every build, lists them all: only the masthead's are on every page.
  return digestJson([code, masthead, sections.length, archiveLinks, site, urls]);
}

/**
 * The digest of what each page, search shard and the sitemap show. With
 * `kept`, a page, shard or data file that shows none of the articles of
 * `kept.own` has the digest `kept.state` gave it.
 */
function siteDigests(input: PlanInput, kept: { state: BuildState; own: ReadonlySet<string> } | null): SiteDigests {
  const { archive, shards, years, sitemap, views, listInput, code } = input;
  const keys = new PageKeys(views);
  const before = kept?.state;
  const edited = (record: ArticleRecord): boolean => kept === null || kept.own.has(record.source.file);
  const changed = (records: readonly ArticleRecord[]): boolean => kept === null || records.some(edited);
  const pages = new Map<string, string>();
  for (const [i, record] of archive.records.entries()) {
    const known = edited(record) ? undefined : before?.pages[record.url];
    pages.set(record.url, known ?? keys.article(i));
  }
  for (const page of archive.listPages) {
    const known = before?.pages[page.url];
    pages.set(page.url, kept !== null && known !== undefined ? known : keys.list(listPageAbout(page, listInput), page));
  }
  const { site, urls } = views;
  // A shard's index is a function of its records (hashed once, for their pages), the section names and the
  // base path; the code digest covers how it is made (and Pagefind's version).
  const search = Object.fromEntries(
    [...shards].map(([name, { records }]) => [
      name,
      (changed(records) ? undefined : before?.search[name]) ??
        digestJsonEach([code, site.sections, urls.pathPrefix, ...records.map((record) => keys.record(record))]),
    ]),
  );
  // A year's data file holds its records as they are: the code that writes them is all else it depends on.
  const data = Object.fromEntries(
    [...years].map(([name, records]) => [
      name,
      (changed(records) ? undefined : before?.data[name]) ??
        digestJsonEach([code, ...records.map((record) => keys.record(record))]),
    ]),
  );
  const sqlite = input.sqlite ? digestJson([code, data]) : null;
  // The sitemap lists the pages' URLs and dates, which articles that changed only their own pages keep.
  return { pages, search, data, sqlite, sitemap: before?.sitemap ?? digestJson([code, urls, sitemap]) };
}

/** The published files of the search shards `names`. */
function shardFiles(names: readonly string[], previous: PreviousBuild): string[] {
  if (names.length === 0) return [];
  const carried = new Set(names);
  return Object.keys(previous.published).filter(
    (file) => file.startsWith("pagefind/") && carried.has(file.split("/")[1] ?? ""),
  );
}
