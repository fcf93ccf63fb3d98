/** Splits a listing into pages: `/national/`, `/national/page/2/`, … */
import type { ArticleRecord } from "../model/record.ts";
import type { Listing } from "./listings.ts";

export interface ListPage {
  listing: Omit<Listing, "records">;
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  url: string;
  previousUrl: string | null;
  nextUrl: string | null;
  records: ArticleRecord[];
}

export function pageUrl(listingUrl: string, pageNumber: number): string {
  return pageNumber === 1 ? listingUrl : `${listingUrl}page/${pageNumber}/`;
}

export function paginate(listing: Listing, pageSize: number): ListPage[] {
  const { records, ...about } = listing;
  const totalPages = Math.max(1, Math.ceil(records.length / pageSize));
  return Array.from({ length: totalPages }, (_, i) => {
    const pageNumber = i + 1;
    return {
      listing: about,
      pageNumber,
      totalPages,
      url: pageUrl(listing.url, pageNumber),
      previousUrl: pageNumber > 1 ? pageUrl(listing.url, pageNumber - 1) : null,
      nextUrl: pageNumber < totalPages ? pageUrl(listing.url, pageNumber + 1) : null,
      records: records.slice(i * pageSize, (i + 1) * pageSize),
    };
  });
}
