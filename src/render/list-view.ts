/** Everything a list page (home, section, author, tag, year, month, undated) shows. */
import type { Listing, ListingKind } from "../archive/listings.ts";
import type { ListPage } from "../archive/paginate.ts";
import type { SiteConfig } from "../model/site-config.ts";
import { DESCRIPTION_LENGTH } from "./article-view.ts";
import { excerpt } from "./excerpt.ts";
import type { PhotoImage, Thumbnail } from "./images.ts";
import type { ArticleSummary, Summaries } from "./summary.ts";
import { type UrlContext, absoluteUrl } from "./urls.ts";

export interface ListPageView {
  kind: ListingKind;
  /** The `<h1>`: `National`, `Articles by Keo Ratha`, `April 2019`… */
  heading: string;
  /** `<title>` without the site name; adds the page number after page 1. */
  title: string;
  /** Meta description: what the list holds, and the newest headline it shows. */
  description: string;
  url: string;
  canonicalUrl: string;
  pageNumber: number;
  totalPages: number;
  previousUrl: string | null;
  nextUrl: string | null;
  /** Per-section Atom feed, linked from section pages. */
  feedUrl: string | null;
  /** On a year's or a month's pages: the months of that year, in calendar order. */
  months: { year: string; links: MonthLink[] } | null;
  items: ListItem[];
}

/**
 * `April`, with its list's first page; its number of articles on the
 * year's pages only (null on the months'), so that an article added to
 * one month does not make every other month's pages again; `current` on
 * that month's pages.
 */
export interface MonthLink {
  text: string;
  url: string;
  count: number | null;
  current: boolean;
}

/** An article on a list: its summary, and the small rendition of its photo when it has one. */
export type ListItem = ArticleSummary & { thumbnail: Thumbnail | null };

const HEADINGS: Record<ListingKind, (name: string) => string> = {
  home: () => "Latest articles",
  section: (name) => name,
  author: (name) => `Articles by ${name}`,
  tag: (name) => `Tagged “${name}”`,
  year: (name) => `Articles from ${name}`,
  month: (name) => `Articles from ${name}`,
  undated: (name) => name,
};

/** What every list page's view is built from besides its own page. */
export interface ListViewInput {
  site: SiteConfig;
  urls: UrlContext;
  /** URLs of the sections that have dated articles, and so an Atom feed. */
  withFeeds: ReadonlySet<string>;
  /** The photos encoded for this build, by seed file. */
  imagesByFile: ReadonlyMap<string, PhotoImage>;
  summaries: Summaries;
  /** Year list URL (`/2019/`) -> its months (`current` false), in calendar order. */
  months: ReadonlyMap<string, readonly MonthLink[]>;
}

/** A list page's view without its cards: what its digest hashes besides the cards' articles. */
export type ListPageAbout = Omit<ListPageView, "items">;

/**
 * The view of one list page. Views are built when needed, a run of pages at
 * a time: all of them at once (30,000 pages of 20 cards at 100,000
 * articles) would hold hundreds of megabytes for the whole build.
 */
export function buildListPageView(page: ListPage, input: ListViewInput): ListPageView {
  const { summaries, imagesByFile } = input;
  return {
    ...listPageAbout(page, input),
    items: page.records.map((record) => ({
      ...summaries.of(record),
      thumbnail: imagesByFile.get(record.source.file)?.thumbnail ?? null,
    })),
  };
}

export function listPageAbout(page: ListPage, input: ListViewInput): ListPageAbout {
  const { site, urls, withFeeds } = input;
  const heading = HEADINGS[page.listing.kind](page.listing.name);
  const title = page.pageNumber === 1 ? heading : `${heading}, page ${page.pageNumber}`;
  const first = page.records[0]?.headline;
  return {
    kind: page.listing.kind,
    heading,
    title,
    description: excerpt(
      `${title} from the ${site.title}, newest first${first === undefined ? "." : `, with “${first}”.`}`,
      DESCRIPTION_LENGTH,
    ),
    url: page.url,
    canonicalUrl: absoluteUrl(page.url, urls),
    pageNumber: page.pageNumber,
    totalPages: page.totalPages,
    previousUrl: page.previousUrl,
    nextUrl: page.nextUrl,
    feedUrl: page.listing.kind === "section" && withFeeds.has(page.listing.url) ? `${page.listing.url}feed.xml` : null,
    months: monthsOn(page.listing, input.months),
  };
}

/** Each year's months, in calendar order, named as their listing is (`April 2019` -> `April`). */
export function monthsByYear(months: readonly Listing[]): Map<string, MonthLink[]> {
  const byYear = new Map<string, MonthLink[]>();
  // Listings come newest first; a year's months read January to December.
  for (const month of [...months].reverse()) {
    const year = yearUrlOf(month.url);
    const links = byYear.get(year) ?? [];
    links.push({
      text: month.name.split(" ")[0] ?? month.name,
      url: month.url,
      count: month.records.length,
      current: false,
    });
    byYear.set(year, links);
  }
  return byYear;
}

function monthsOn(listing: ListPage["listing"], months: ListViewInput["months"]): ListPageView["months"] {
  if (listing.kind !== "year" && listing.kind !== "month") return null;
  const year = listing.kind === "year" ? listing.url : yearUrlOf(listing.url);
  const links = (months.get(year) ?? []).map((link) => ({
    ...link,
    count: listing.kind === "year" ? link.count : null,
    current: link.url === listing.url,
  }));
  return { year: year.slice(1, -1), links };
}

/** A month list's year list: `/2019/04/` -> `/2019/`. */
const yearUrlOf = (monthUrl: string): string => monthUrl.replace(/[^/]+\/$/u, "");
