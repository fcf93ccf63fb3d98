/**
 * `sitemap.xml` listing every page (a sitemap index over `sitemap-N.xml` past
 * 50,000 URLs, the protocol's limit) and `robots.txt` pointing at it.
 */
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { SitemapIndexStream, SitemapStream, type SitemapItemLoose } from "sitemap";
import { type UrlContext, absoluteUrl } from "./urls.ts";

/** sitemaps.org: at most 50,000 URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapEntry {
  /** Site-relative URL. */
  url: string;
  /** ISO date of the page's content, when known. */
  lastmod: string | null;
}

export async function writeSitemap(entries: readonly SitemapEntry[], outDir: string, urls: UrlContext): Promise<void> {
  const items = entries.map((entry): SitemapItemLoose => ({
    url: absoluteUrl(entry.url, urls),
    ...(entry.lastmod === null ? {} : { lastmod: entry.lastmod }),
  }));
  if (items.length <= SITEMAP_LIMIT) {
    await writeUrlSet(items, path.join(outDir, "sitemap.xml"));
  } else {
    const parts: string[] = [];
    for (let i = 0; i * SITEMAP_LIMIT < items.length; i++) {
      const name = `sitemap-${i + 1}.xml`;
      await writeUrlSet(items.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT), path.join(outDir, name));
      parts.push(absoluteUrl(`/${name}`, urls));
    }
    await pipeline(Readable.from(parts), new SitemapIndexStream(), createWriteStream(path.join(outDir, "sitemap.xml")));
  }
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl("/sitemap.xml", urls)}\n`;
  await writeFile(path.join(outDir, "robots.txt"), robots);
}

/** The files `writeSitemap` makes, by path relative to the site. */
export function isSitemapFile(file: string): boolean {
  return /^(?:sitemap(?:-\d+)?\.xml|robots\.txt)$/u.test(file);
}

async function writeUrlSet(items: readonly SitemapItemLoose[], file: string): Promise<void> {
  await pipeline(Readable.from(items), new SitemapStream(), createWriteStream(file));
}
