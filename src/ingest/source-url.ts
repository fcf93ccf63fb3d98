/**
 * The page's address on the site it was crawled from, given by the crawl
 * manifest or front matter `source_url:`; its path names the section
 * (`section-names.ts`).
 */

/** Where one seed was crawled from. */
export interface CrawlEntry {
  /** The page's original absolute http(s) URL. */
  url: string;
  /** When the crawler fetched it (`YYYY-MM-DD` or an ISO timestamp), or null. */
  fetched: string | null;
}
