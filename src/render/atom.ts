/**
 * Atom feeds built as an xast tree and serialized by xast-util-to-xml, so
 * every text and attribute is escaped structurally. Titles and summaries go
 * out as text (`type="text"`): a headline `Prices <b>soar</b>` reads in a
 * feed reader as the page prints it. Only the body, HTML we built from a
 * sanitized tree, is sent as `type="html"`.
 */
import type { Element } from "xast";
import { toXml } from "xast-util-to-xml";
import { x } from "xastscript";

export interface AtomEntry {
  title: string;
  /** Absolute URL, also the entry's id. */
  url: string;
  /** ISO 8601. */
  published: string;
  summary: string;
  /** Sanitized HTML of the body. */
  contentHtml: string;
  authors: readonly string[];
  categories: readonly string[];
}

export interface AtomFeed {
  /** Absolute URL of the page the feed is of, also its id. */
  url: string;
  /** Absolute URL of the feed itself. */
  self: string;
  title: string;
  subtitle: string;
  rights: string;
  generator: string;
  language: string;
  /** ISO 8601 of the newest entry, or the epoch for an empty feed (deterministic output). */
  updated: string;
  entries: readonly AtomEntry[];
}

export function atomXml(feed: AtomFeed): string {
  const tree = x("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.language }, [
    x("id", feed.url),
    x("title", { type: "text" }, feed.title),
    x("subtitle", { type: "text" }, feed.subtitle),
    x("updated", feed.updated),
    x("generator", feed.generator),
    x("link", { rel: "alternate", href: feed.url }),
    x("link", { rel: "self", href: feed.self }),
    x("rights", { type: "text" }, feed.rights),
    ...feed.entries.map(entryElement),
  ]);
  // The serializer escapes `<` and `&` but not `>`, and `]]>` may not stand in XML text; we emit
  // no CDATA, so every `]]>` left is text (or an attribute, where `&gt;` means the same).
  const xml = toXml(tree, { closeEmptyElements: true }).replaceAll("]]>", "]]&gt;");
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml}\n`;
}

function entryElement(entry: AtomEntry): Element {
  return x("entry", [
    x("title", { type: "text" }, entry.title),
    x("id", entry.url),
    x("link", { rel: "alternate", href: entry.url }),
    x("published", entry.published),
    x("updated", entry.published),
    ...entry.authors.map((name) => x("author", [x("name", name)])),
    ...entry.categories.map((label) => x("category", { term: label, label })),
    x("summary", { type: "text" }, entry.summary),
    x("content", { type: "html" }, entry.contentHtml),
  ]);
}
