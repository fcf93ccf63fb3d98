/**
 * How the archive's articles are split into search index shards. A year is
 * one shard while it holds at most `limit` articles; a larger year is split
 * into runs of whole months (of whole days, for a month larger than the
 * limit), packed from the oldest so that articles added at the newest end
 * leave the older parts as they were. Pagefind's memory grows with a
 * shard's size (about 0.1 MB an article), and a search loads shards whole.
 */
import type { ArticleRecord } from "../model/record.ts";
import { UNDATED, UNDATED_NAME } from "./search-filters.ts";

export interface SearchShard {
  /** Folder name under `/pagefind/`: `2019`, `2019-05` (May onwards), `2019-05-16`, `undated`, `undated-2`. */
  name: string;
  /** The year of its articles' data file (`2019`, `undated`). */
  year: string;
  /** First and last period covered, oldest first: `2019`, `2019-05`, `2019-05-16`; the year for undated. */
  from: string;
  to: string;
  /** In archive order (newest first). */
  records: readonly ArticleRecord[];
}

/** `2019`, or `undated`: the year of the data file holding the record. */
function dataYearOf(record: ArticleRecord): string {
  return record.date?.slice(0, 4) ?? UNDATED_NAME;
}

/** Articles in archive order -> their years in that order: the data files' groups. */
export function byYear(records: readonly ArticleRecord[]): Map<string, ArticleRecord[]> {
  return Map.groupBy(records, dataYearOf);
}

/** Articles in archive order -> shards in archive order (newest first, undated last). */
export function searchShards(records: readonly ArticleRecord[], limit: number): Map<string, SearchShard> {
  const shards = new Map<string, SearchShard>();
  for (const [year, inYear] of byYear(records)) {
    const undated = year === UNDATED_NAME;
    const parts = undated ? undatedParts(inYear, limit) : datedParts(inYear, limit);
    for (const part of parts) shards.set(part.name, { ...part, year });
  }
  return shards;
}

type Part = Omit<SearchShard, "year">;

/** The records of one year: the year whole, or its parts of whole months, newest first. */
function datedParts(records: readonly ArticleRecord[], limit: number): Part[] {
  const year = records[0]?.date?.slice(0, 4) ?? "";
  if (records.length <= limit) return [{ name: year, from: year, to: year, records }];
  return packed(records, limit, 7).reverse();
}

/** Records in parts of whole periods (`width` 7: months, 10: days), oldest part first. */
function packed(records: readonly ArticleRecord[], limit: number, width: 7 | 10): Part[] {
  // Oldest period first; a part is closed when the next period would take it past the limit.
  const periods = [...Map.groupBy(records, (record) => record.date?.slice(0, width) ?? "")].sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  const parts: Part[] = [];
  let open: [string, ArticleRecord[]][] = [];
  let size = 0;
  const close = (): void => {
    const first = open[0];
    const last = open.at(-1);
    if (first === undefined || last === undefined) return;
    // Newest first within the part, as in the archive.
    const inPart = open.toReversed().flatMap(([, periodRecords]) => periodRecords);
    parts.push({ name: first[0], from: first[0], to: last[0], records: inPart });
    open = [];
    size = 0;
  };
  for (const [period, periodRecords] of periods) {
    if (size + periodRecords.length > limit) close();
    if (width === 7 && periodRecords.length > limit) {
      parts.push(...packed(periodRecords, limit, 10));
      continue;
    }
    open.push([period, periodRecords]);
    size += periodRecords.length;
  }
  close();
  return parts;
}

/** Undated records have no period to split by: parts of `limit` in archive order. */
function undatedParts(records: readonly ArticleRecord[], limit: number): Part[] {
  const name = UNDATED_NAME;
  const parts: Part[] = [];
  for (let start = 0, n = 1; start < records.length; start += limit, n += 1) {
    parts.push({
      name: n === 1 ? name : `${name}-${n}`,
      from: UNDATED,
      to: UNDATED,
      records: records.slice(start, start + limit),
    });
  }
  return parts;
}
