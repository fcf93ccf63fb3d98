/**
 * Bounds on authored markdown, which the markdown parser needs: it recurses
 * once per nesting level (thousands of `>` overflow the stack) and slows
 * down more than linearly on many brackets. Real articles stay far below.
 * Here, beside the record, because the ingest stage enforces them and the
 * problem messages name them.
 */
export const MARKDOWN_LIMITS = { bytes: 128 * 1024, nesting: 100, brackets: 2000 } as const;

export type MarkdownLimit =
  | { kind: "bytes"; line: number; value: number }
  | { kind: "nesting"; line: number; value: number }
  | { kind: "brackets"; line: number; value: number };

/**
 * A scraped page larger than this is not read: parsing holds about twenty
 * times the file in memory (a 300 MB file needed 5.6 GB), and a real page
 * is a few tens of kilobytes.
 */
export const SCRAPED_PAGE_BYTES = 8 * 1024 * 1024;
