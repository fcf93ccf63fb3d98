/** Archive order: newest first, undated last; ties broken by headline, then file, so builds are reproducible. */
import { DateTime } from "luxon";
import type { ArticleRecord } from "../model/record.ts";

/**
 * Milliseconds since the epoch; a date-only value counts from the start of
 * that day in `timeZone`. A timestamp carries its offset (the record schema
 * requires one), so `Date.parse` reads it exactly, at a tenth of Luxon's cost.
 */
function dateMillis(date: string, timeZone: string): number {
  return date.includes("T") ? Date.parse(date) : DateTime.fromISO(date, { zone: timeZone }).toMillis();
}

export function sortArticles(records: readonly ArticleRecord[], timeZone: string): ArticleRecord[] {
  const keyed = records.map((record) => ({
    record,
    time: record.date === null ? null : dateMillis(record.date, timeZone),
  }));
  keyed.sort((a, b) => {
    if (a.time !== b.time) {
      if (a.time === null) return 1;
      if (b.time === null) return -1;
      return b.time - a.time;
    }
    return compareText(a.record.headline, b.record.headline) || compareText(a.record.source.file, b.record.source.file);
  });
  return keyed.map(({ record }) => record);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
