/**
 * All parsed seeds -> the archive: unique URLs, resolved related links,
 * archive order, paginated lists and each article's neighbours.
 */
import { type Problem, problem, problemText } from "../model/problems.ts";
import type { ArticleRecord, SeedArticle } from "../model/record.ts";
import { assignUrls } from "./assign-urls.ts";
import { isSitePath } from "../model/reserved-sections.ts";
import { type Listing, buildListings } from "./listings.ts";
import { type Neighbours, findNeighbours } from "./neighbours.ts";
import { type ListPage, paginate } from "./paginate.ts";
import { resolveRelated } from "./resolve-related.ts";
import { sortArticles } from "./sort-articles.ts";

export interface ArchiveOptions {
  timeZone: string;
  /** Display names of section slugs. */
  sectionNames: Readonly<Record<string, string>>;
  /** Articles per list page. */
  pageSize: number;
  /** How many "More in <section>" links an article gets. */
  moreInSection: number;
}

export interface Archive {
  /** Newest first, undated last. */
  records: ArticleRecord[];
  /** One entry per record, same order. */
  neighbours: Neighbours[];
  /** Sections with articles, in navigation order (configured sections first). */
  sections: Listing[];
  /** Years with articles, newest first, then the undated articles when there are any. */
  years: Listing[];
  /** Months with articles, newest first. */
  months: Listing[];
  /** Every page of every list, the home page first. */
  listPages: ListPage[];
  stats: ArchiveStats;
  problems: Problem[];
}

export interface ArchiveStats {
  articles: number;
  undated: number;
  /** Dates of the newest and oldest dated articles; null when none is dated. */
  newest: string | null;
  oldest: string | null;
}

export function buildArchive(articles: readonly SeedArticle[], options: ArchiveOptions): Archive {
  const ordered = [...articles].sort((a, b) => (a.source.file < b.source.file ? -1 : 1));
  const { records, problems } = assignUrls(ordered);
  return assembleArchive(sortArticles(resolveRelated(records), options.timeZone), problems, options);
}

/**
 * The archive of records with their URLs and related links (`sorted`: in
 * archive order), whose URLs raised `problems`: the lists, pages and
 * neighbours, and the problems of sections and related links.
 */
export function assembleArchive(
  sorted: ArticleRecord[],
  problems: readonly Problem[],
  options: ArchiveOptions,
): Archive {
  const found = [...problems];
  for (const record of sorted) {
    if (isSitePath(record.section)) {
      found.push(problem(record.source.file, 1, "error", problemText.reservedSection(record.section)));
    }
    for (const item of record.related) {
      if (item.url === null)
        found.push(problem(record.source.file, item.line, "warning", problemText.relatedNotFound(item.title)));
    }
  }
  const listings = buildListings(sorted, options.sectionNames);
  return {
    records: sorted,
    neighbours: findNeighbours(sorted, options.moreInSection),
    sections: navigationOrder(
      listings.filter((listing) => listing.kind === "section"),
      options.sectionNames,
    ),
    // Listings come in archive order, newest year first and the undated list after the years.
    years: listings.filter((listing) => listing.kind === "year" || listing.kind === "undated"),
    months: listings.filter((listing) => listing.kind === "month"),
    listPages: listings.flatMap((listing) => paginate(listing, options.pageSize)),
    stats: stats(sorted),
    problems: found,
  };
}

function stats(records: readonly ArticleRecord[]): ArchiveStats {
  const dates = records.flatMap((record) => record.date ?? []);
  return {
    articles: records.length,
    undated: records.length - dates.length,
    newest: dates[0] ?? null,
    oldest: dates.at(-1) ?? null,
  };
}

function navigationOrder(sections: Listing[], names: Readonly<Record<string, string>>): Listing[] {
  const configured = Object.keys(names).map((slug) => `/${slug}/`);
  const rank = (listing: Listing): number => {
    const index = configured.indexOf(listing.url);
    return index === -1 ? configured.length : index;
  };
  return [...sections].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
