/**
 * What the site's pages are made of beyond each page's own data: the
 * navigation, the inputs of list views, the search shards and the sitemap.
 * The build plan digests them and the render stage renders them, from this
 * one value.
 */
import type { Archive } from "../archive/build-archive.ts";
import type { ArticleRecord } from "../model/record.ts";
import type { ArticleViewInput } from "./article-view.ts";
import { type ListViewInput, monthsByYear } from "./list-view.ts";
import type { Navigation } from "./navigation.ts";
import { type SearchShard, byYear, searchShards } from "./search-shards.ts";
import type { SitemapEntry } from "./sitemap.ts";

export interface SiteParts {
  archive: Archive;
  views: ArticleViewInput;
  nav: Navigation;
  listInput: ListViewInput;
  /** Year (`undated`) -> its articles, newest first: the data files. */
  years: ReadonlyMap<string, readonly ArticleRecord[]>;
  /** Search shard name -> the shard, newest first. */
  shards: ReadonlyMap<string, SearchShard>;
  sitemap: readonly SitemapEntry[];
}

export function siteParts(views: ArticleViewInput, nav: Navigation): SiteParts {
  const { archive, site, urls, imagesByFile, summaries } = views;
  const withFeeds = new Set(archive.records.filter((r) => r.date !== null).map((r) => `/${r.section}/`));
  return {
    archive,
    views,
    nav,
    listInput: { site, urls, withFeeds, imagesByFile, summaries, months: monthsByYear(archive.months) },
    years: byYear(archive.records),
    shards: searchShards(archive.records, site.searchShardArticles),
    sitemap: sitemapEntries(archive),
  };
}

/** Every page's URL and date, for the sitemap. */
function sitemapEntries(archive: Archive): SitemapEntry[] {
  return [
    ...archive.listPages.map((page) => ({ url: page.url, lastmod: page.records[0]?.date?.slice(0, 10) ?? null })),
    ...archive.records.map((record) => ({ url: record.url, lastmod: record.date?.slice(0, 10) ?? null })),
    { url: "/about/", lastmod: null },
    { url: "/sections/", lastmod: null },
  ];
}
