/**
 * What the search page knows before it loads any index: each shard (a year,
 * or part of one) with its article count and the periods it covers (it
 * searches the newest first and older ones when asked), and every value of
 * the section, author and year filters with its count, for its menus. The
 * counts are the records' own filter values, as `searchRecord` gives them
 * to Pagefind.
 */
import { sectionName } from "../archive/listings.ts";
import type { ArticleRecord } from "../model/record.ts";
import type { SearchShard } from "./search-shards.ts";

/** Year filter value for undated articles. */
export const UNDATED = "Undated";
/** The folder name of undated articles' data file and search shard (`undated`). */
export const UNDATED_NAME = UNDATED.toLowerCase();

export interface SearchFilters {
  section: string[];
  author: string[];
  year: string[];
}

/** `section`: the name the site shows for the record's section. */
export function searchFilters(record: ArticleRecord, section: string): SearchFilters {
  return {
    section: [section],
    author: record.authors,
    year: [yearOf(record)],
  };
}

function yearOf(record: ArticleRecord): string {
  return record.date?.slice(0, 4) ?? UNDATED;
}

/** A filter value and how many articles have it. */
export interface FilterValue {
  value: string;
  count: number;
}

export interface SearchPageData {
  /** Site-relative folder, year filter value, size and periods covered of each shard, newest first. */
  shards: { url: string; year: string; articles: number; from: string; to: string }[];
  /** Values by name; sections and authors alphabetical, years newest first. */
  filters: Record<keyof SearchFilters, FilterValue[]>;
}

/** `sectionNames`: the site's names of section slugs. */
export function searchPageData(
  shards: ReadonlyMap<string, SearchShard>,
  sectionNames: Readonly<Record<string, string>>,
): SearchPageData {
  const counts: Record<keyof SearchFilters, Map<string, number>> = {
    section: new Map(),
    author: new Map(),
    year: new Map(),
  };
  const shardList = [...shards.values()].map(({ name, year, from, to, records }) => {
    for (const record of records) {
      const filters = searchFilters(record, sectionName(record.section, sectionNames));
      for (const key of ["section", "author", "year"] as const) {
        for (const value of filters[key]) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
      }
    }
    const filterYear = year === UNDATED_NAME ? UNDATED : year;
    return { url: `/pagefind/${name}/`, year: filterYear, articles: records.length, from, to };
  });
  const sorted = (values: Map<string, number>, order: (a: string, b: string) => number): FilterValue[] =>
    [...values.keys()].sort(order).map((value) => ({ value, count: values.get(value) ?? 0 }));
  const alphabetical = (a: string, b: string): number => a.localeCompare(b);
  return {
    shards: shardList,
    filters: {
      section: sorted(counts.section, alphabetical),
      author: sorted(counts.author, alphabetical),
      year: sorted(counts.year, (a, b) => b.localeCompare(a)),
    },
  };
}
