/** First-level paths the site uses for its own pages, which no section may take. */
export const RESERVED_SECTIONS: ReadonlySet<string> = new Set([
  "author",
  "tag",
  "undated",
  "page",
  "data",
  "search",
  "sections",
  "about",
  "img",
  "pagefind",
  "feed",
  "sitemap",
  "robots",
  "style",
  "favicon",
  "wordmark",
  "index",
  "404",
]);

/** Whether a first path segment is the site's own: a number (a year's archive) or one of the paths above. */
export function isSitePath(segment: string): boolean {
  return /^\d+$/u.test(segment) || RESERVED_SECTIONS.has(segment);
}
