/**
 * The page's address on the site it was crawled from, given by the crawl
 * manifest or front matter `source_url:`. Its path names the section the
 * site filed the page under (`/business/<slug>`), which the page's own text
 * often does not print.
 */
import { RESERVED_SECTIONS } from "../model/reserved-sections.ts";
import { slugify } from "../model/slugify.ts";

/** Where one seed was crawled from. */
export interface CrawlEntry {
  /** The page's original absolute http(s) URL. */
  url: string;
  /** When the crawler fetched it (`YYYY-MM-DD` or an ISO timestamp), or null. */
  fetched: string | null;
}

/**
 * The section slug a URL's path names: its first segment when a page slug
 * follows it (`/business/garment-exports` -> `business`); the configured
 * section whose slug it is, else a new one. Null for a path of one segment.
 */
export function sectionFromUrl(url: string, sectionNames: Readonly<Record<string, string>>): string | null {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split("/").filter((segment) => segment !== "");
  } catch {
    return null;
  }
  const first = segments[0];
  if (first === undefined || segments.length < 2) return null;
  let decoded = first;
  try {
    decoded = decodeURIComponent(first);
  } catch {
    // A malformed escape: the segment as written.
  }
  const slug = slugify(decoded);
  if (Object.hasOwn(sectionNames, slug)) return slug;
  return slug === "" || /^\d+$/u.test(slug) || RESERVED_SECTIONS.has(slug) ? null : slug;
}
