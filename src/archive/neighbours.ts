/** Links from one article to others: older/newer in the archive, and more from its section. */
import type { ArticleRecord } from "../model/record.ts";

export interface Neighbours {
  /** The next article down the archive order (older, or undated). */
  older: ArticleRecord | null;
  newer: ArticleRecord | null;
  /** Up to `count` other articles of the same section, nearest in time first. */
  moreInSection: ArticleRecord[];
}

/** `records` in archive order; returns one entry per record, same order. O(n · count). */
export function findNeighbours(records: readonly ArticleRecord[], count: number): Neighbours[] {
  const bySection = new Map<string, ArticleRecord[]>();
  const position = new Map<ArticleRecord, number>();
  for (const record of records) {
    const list = bySection.get(record.section) ?? [];
    position.set(record, list.length);
    list.push(record);
    bySection.set(record.section, list);
  }
  return records.map((record, i) => {
    const section = bySection.get(record.section) ?? [];
    const at = position.get(record) ?? 0;
    return {
      older: records[i + 1] ?? null,
      newer: records[i - 1] ?? null,
      moreInSection: nearest(section, at, count),
    };
  });
}

/** Alternates older and newer neighbours of `list[at]`, older first. */
function nearest(list: readonly ArticleRecord[], at: number, count: number): ArticleRecord[] {
  const picked: ArticleRecord[] = [];
  for (let step = 1; picked.length < count && (at + step < list.length || at - step >= 0); step++) {
    const older = list[at + step];
    const newer = list[at - step];
    if (older !== undefined) picked.push(older);
    if (newer !== undefined && picked.length < count) picked.push(newer);
  }
  return picked;
}
