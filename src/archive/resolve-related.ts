/**
 * Links related items to archive articles by headline. Titles are compared
 * normalized, because the related list and the article page print the same
 * headline with different quotes, case or spacing (`PM's` vs `PM’s`).
 */
import type { ArticleRecord } from "../model/record.ts";

/** Case-folded, compatibility-normalized text with punctuation and symbols removed and spaces collapsed. */
export function normalizeTitle(title: string): string {
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
  for (const record of records) {
    const key = normalizeTitle(record.headline);
    byTitle.set(key, [...(byTitle.get(key) ?? []), record]);
  }
  return records.map((record) => ({
    ...record,
    related: record.related.map((item) => {
      const match = byTitle.get(normalizeTitle(item.title))?.find((candidate) => candidate !== record);
      return { ...item, url: match?.url ?? null };
    }),
  }));
}
