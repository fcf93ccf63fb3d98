/**
 * Atom and JSON Feed for the newest articles, and an Atom feed per section:
 * one mapping from articles to feed entries, written as Atom (`atom.ts`)
 * and as JSON Feed (`json-feed.ts`).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../model/record.ts";
import type { SiteConfig } from "../model/site-config.ts";
import type { ArticleView } from "./article-view.ts";
import { type AtomFeed, atomXml } from "./atom.ts";
import { jsonFeedText } from "./json-feed.ts";
import type { Link } from "./summary.ts";
import { type UrlContext, absoluteUrl } from "./urls.ts";

/** Articles per feed. */
const FEED_SIZE = 50;

export interface FeedInput {
  /** In archive order; at least every article `feedArticles` names. */
  articles: readonly ArticleView[];
  sections: readonly Link[];
  site: SiteConfig;
  urls: UrlContext;
  outDir: string;
}

/**
 * Positions (in archive order) of the articles some feed holds: the newest
 * dated ones overall and in each section. Only these need full views.
 */
export function feedArticles(records: readonly ArticleRecord[]): number[] {
  const perSection = new Map<string, number>();
  let overall = 0;
  const chosen: number[] = [];
  records.forEach((record, i) => {
    if (record.date === null) return;
    const inSection = perSection.get(record.section) ?? 0;
    if (overall >= FEED_SIZE && inSection >= FEED_SIZE) return;
    perSection.set(record.section, inSection + 1);
    overall++;
    chosen.push(i);
  });
  return chosen;
}

/** Writes `/feed.xml`, `/feed.json` and `/<section>/feed.xml`. */
export async function writeFeeds(input: FeedInput): Promise<void> {
  const dated = input.articles.filter((article) => article.record.date !== null);
  // Feeds hold dated articles only; an archive (or a section) without any gets no feed and no link to one.
  if (dated.length === 0) return;
  const newest = dated.slice(0, FEED_SIZE);
  const home = atomFeed(newest, input.site.title, "/", input);
  await write(input.outDir, "/feed.xml", atomXml(home));
  await write(input.outDir, "/feed.json", jsonFeedText(home, absoluteUrl("/feed.json", input.urls)));
  for (const section of input.sections) {
    const articles = dated.filter((article) => article.summary.section.url === section.url).slice(0, FEED_SIZE);
    if (articles.length === 0) continue;
    const feed = atomFeed(articles, `${section.text} | ${input.site.title}`, section.url, input);
    await write(input.outDir, `${section.url}feed.xml`, atomXml(feed));
  }
}

function atomFeed(articles: readonly ArticleView[], title: string, pageUrl: string, input: FeedInput): AtomFeed {
  const { site, urls } = input;
  const newest = articles[0]?.record.date;
  return {
    url: absoluteUrl(pageUrl, urls),
    self: absoluteUrl(`${pageUrl}feed.xml`, urls),
    title,
    subtitle: site.tagline,
    rights: site.publisher,
    generator: site.title,
    language: site.language,
    // Deterministic: an unchanged archive gives a byte-identical feed.
    updated: isoTime(newest ?? null),
    entries: articles.map((article) => ({
      title: article.record.headline,
      url: absoluteUrl(article.record.url, urls),
      published: isoTime(article.record.date),
      summary: article.description,
      contentHtml: article.bodyHtml,
      authors: article.record.authors,
      categories: [article.summary.section.text, ...article.record.tags],
    })),
  };
}

/** A record's date as an Atom timestamp (date-only records at midnight UTC); the epoch when there is none. */
function isoTime(date: string | null): string {
  return new Date(date ?? 0).toISOString();
}

async function write(outDir: string, url: string, text: string): Promise<void> {
  const file = path.join(outDir, ...url.split("/"));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}
