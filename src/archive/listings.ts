/**
 * The archive's lists: home, each section, author, tag, year, month and the
 * undated articles. Built in one pass over records already in archive order,
 * so each list is newest first without sorting again.
 */
import { DateTime } from "luxon";
import type { ArticleRecord } from "../model/record.ts";

export type ListingKind = "home" | "section" | "author" | "tag" | "year" | "month" | "undated";

export interface Listing {
  kind: ListingKind;
  /** What the list is of: `National`, `Keo Ratha`, `economy`, `2019`, `April 2019`, `Undated articles`. */
  name: string;
  /** URL of the first page; later pages are `<url>page/N/`. */
  url: string;
  /** Newest first, undated last. */
  records: ArticleRecord[];
}

export function sectionUrl(section: string): string {
  return `/${section}/`;
}

/** `national` -> the configured name, else `National`; `about-the-archive` -> `About the archive`. */
export function sectionName(section: string, names: Readonly<Record<string, string>>): string {
  const named = names[section];
  if (named !== undefined) return named;
  const words = section.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `records` must be in archive order. */
export function buildListings(
  records: readonly ArticleRecord[],
  sectionNames: Readonly<Record<string, string>>,
): Listing[] {
  const groups = new Map<string, Listing>();
  // A name is made when its listing is, once, not for every record in it.
  const add = (kind: ListingKind, url: string, name: string | (() => string), record: ArticleRecord): void => {
    let listing = groups.get(url);
    if (listing === undefined) {
      listing = { kind, name: typeof name === "string" ? name : name(), url, records: [] };
      groups.set(url, listing);
    }
    listing.records.push(record);
  };

  for (const record of records) {
    add("section", sectionUrl(record.section), sectionName(record.section, sectionNames), record);
    record.authors.forEach((author, i) => add("author", record.authorUrls[i] ?? "", author, record));
    record.tags.forEach((tag, i) => add("tag", record.tagUrls[i] ?? "", tag, record));
    if (record.date === null) {
      add("undated", "/undated/", "Undated articles", record);
    } else {
      const [year = "", month = ""] = record.date.split("-");
      add("year", `/${year}/`, year, record);
      add("month", `/${year}/${month}/`, () => monthName(year, month), record);
    }
  }
  return [{ kind: "home", name: "Latest", url: "/", records: [...records] }, ...groups.values()];
}

/** `April 2019`. */
function monthName(year: string, month: string): string {
  return DateTime.fromObject({ year: Number(year), month: Number(month) })
    .setLocale("en-GB")
    .toFormat("MMMM yyyy");
}
