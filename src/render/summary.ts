/** An article as lists and links show it: headline, date, section and teaser. */
import { sectionName, sectionUrl } from "../archive/listings.ts";
import type { ArticleRecord } from "../model/record.ts";
import { excerpt } from "./excerpt.ts";
import { displayDate } from "./format-date.ts";

export interface Link {
  text: string;
  /** Site-relative; templates add the base path with the `url` filter. */
  url: string;
}

export interface ArticleSummary {
  headline: string;
  url: string;
  date: string | null;
  displayDate: string;
  section: Link;
  /** About 200 characters of the first paragraph. */
  teaser: string;
  language: ArticleRecord["language"];
}

const TEASER_LENGTH = 200;

/**
 * Each record appears in several lists and links, mostly near its
 * neighbours in archive order, so summaries are kept for reuse, but only the
 * latest `KEPT` of them: kept for every record they were 880 bytes an
 * article held for the whole build (88 MB at 100,000 articles).
 */
export class Summaries {
  static readonly KEPT = 20_000;
  #made = new Map<ArticleRecord, ArticleSummary>();
  readonly #sectionNames: Readonly<Record<string, string>>;

  constructor(sectionNames: Readonly<Record<string, string>>) {
    this.#sectionNames = sectionNames;
  }

  of(record: ArticleRecord): ArticleSummary {
    let summary = this.#made.get(record);
    if (summary === undefined) {
      summary = summarize(record, this.#sectionNames);
      if (this.#made.size >= Summaries.KEPT) this.#made = new Map();
      this.#made.set(record, summary);
    }
    return summary;
  }
}

/**
 * All of a record that its summary shows: `summarize` reads nothing else of
 * it, so a digest of these stands for the summary (`page-keys.ts`).
 */
export function summaryInputs(
  record: ArticleRecord,
): Pick<ArticleRecord, "headline" | "url" | "date" | "section" | "language"> & { lead: string } {
  const { headline, url, date, section, language } = record;
  return { headline, url, date, section, language, lead: record.standfirst ?? record.body[0] ?? "" };
}

export function summarize(record: ArticleRecord, sectionNames: Readonly<Record<string, string>>): ArticleSummary {
  const { headline, url, date, section, language, lead } = summaryInputs(record);
  return {
    headline,
    url,
    date,
    displayDate: displayDate(date),
    section: { text: sectionName(section, sectionNames), url: sectionUrl(section) },
    teaser: excerpt(lead, TEASER_LENGTH),
    language,
  };
}

/** One part of a printed byline: an author's name (linked) or the text between names. */
export interface BylinePart {
  text: string;
  url: string | null;
}

/** `Sok Dara and Alex Whitfield` -> name, ` and `, name; the printed text is kept whole. */
export function bylineParts(byline: string, authors: readonly string[], authorUrls: readonly string[]): BylinePart[] {
  const parts: BylinePart[] = [];
  let rest = byline;
  for (const [i, author] of authors.entries()) {
    const at = rest.indexOf(author);
    if (at === -1) continue;
    if (at > 0) parts.push({ text: rest.slice(0, at), url: null });
    parts.push({ text: author, url: authorUrls[i] ?? null });
    rest = rest.slice(at + author.length);
  }
  if (rest !== "") parts.push({ text: rest, url: null });
  return parts;
}
