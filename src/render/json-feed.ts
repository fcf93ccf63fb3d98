/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), made from the same feed
 * data as the Atom feed: one mapping from articles to entries serves both.
 */
import type { AtomFeed } from "./atom.ts";

export function jsonFeedText(feed: AtomFeed, feedUrl: string): string {
  const json = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.url,
    feed_url: feedUrl,
    description: feed.subtitle,
    language: feed.language,
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.published,
      ...(entry.authors.length === 0 ? {} : { authors: entry.authors.map((name) => ({ name })) }),
      tags: entry.categories,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
