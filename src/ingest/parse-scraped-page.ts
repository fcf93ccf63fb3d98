/**
 * The scraped plain-text page, top to bottom: navigation chrome, title line,
 * headline, header zone (section, dates, byline, standfirst, caption), the
 * repeated headline, body paragraphs, footers, related list. Every part but
 * the body is optional, and real crawls show every combination.
 */
import { finding, type Finding, problemText } from "../model/problems.ts";
import {
  headlineMatcher,
  isAltPlaceholder,
  isCaptionCopy,
  isDateLabel,
  isJunkAlt,
  nextNonBlank,
  sameHeadline,
} from "./header-lines.ts";
import { readAboveCapitalLede, readPhotoDescription } from "./lede-caption.ts";
import { LineRoles } from "./line-roles.ts";
import type { Line } from "./lines.ts";
import { gluedCrawlerDate, isWidgetLine, readTopChrome } from "./page-chrome.ts";
import { parseBody } from "./parse-body.ts";
import { type Byline, hasBylinePrefix, looksLikeByline } from "./parse-byline.ts";
import { type Caption, labelledCredit, splitCaptionCredit } from "./parse-caption.ts";
import { parseDateLine } from "./parse-date-line.ts";
import { type ZoneKind, emptyHeader, parseHeaderZone } from "./parse-header-zone.ts";
import { type ScrapedRelated, findRelatedStart, parseRelated } from "./parse-related.ts";
import { parseTitleLine } from "./parse-title-line.ts";

export interface ScrapedPage {
  /** Null when the page has no line that can be its headline. */
  headline: string | null;
  /** The section's name when the page is that section's listing (its title is a section name), not an article. */
  listing: string | null;
  /** Line of the headline, or of the page's first line when there is none. */
  headlineLine: number;
  byline: Byline | null;
  /** Names from a reporter tagline or a letter's signature, beyond the byline's. */
  moreAuthors: string[];
  date: string | null;
  /** Section name as printed above the date, or null. */
  section: string | null;
  standfirst: string | null;
  caption: Caption | null;
  /** Each paragraph's exact text (lines of one paragraph joined by `\n`). */
  body: string[];
  /** Indices in `body` of subheads. */
  subheads: number[];
  related: ScrapedRelated[];
  findings: Finding[];
  /** What each line was read as, for `--explain`. */
  roles: LineRoles;
}

export interface ScrapedPageOptions {
  timeZone: string;
  /** Lowercased section name -> name, configured and known ones. */
  sections: ReadonlyMap<string, string>;
}

/** The repeated headline stands among the first lines after the headline, never further down than this. */
const MAX_HEADER_LINES = 14;
/** A headline is one line of a few words; longer text is a paragraph. */
const MAX_HEADLINE_WORDS = 30;

export function parseScrapedPage(lines: readonly Line[], options: ScrapedPageOptions): ScrapedPage {
  const roles = new LineRoles();
  const relatedStart = findRelatedStart(lines);
  const main: Line[] = lines.slice(0, relatedStart);
  const related = parseRelated(lines.slice(relatedStart));
  roles.markAll(lines.slice(relatedStart), "related");

  let next = nextNonBlank(main, 0);
  let crawlerDate: string | null = null;
  for (let chrome = readTopChrome(main[next]?.text ?? ""); chrome !== null && next < main.length;) {
    roles.mark(main[next], chrome.crawlerDate === null ? "chrome dropped" : "crawler date");
    crawlerDate ??= chrome.crawlerDate;
    next = nextNonBlank(main, next + 1);
    chrome = readTopChrome(main[next]?.text ?? "");
  }
  // The crawler's date glued to the page's first line of text (a headline, a caption): the rest is read as that line.
  const glued = next < main.length ? gluedCrawlerDate(main[next]?.text ?? "") : null;
  if (glued !== null) {
    crawlerDate ??= glued.date;
    main[next] = { ...(main[next] as Line), text: glued.rest };
  }
  const firstLine = main[next]?.number ?? lines[0]?.number ?? 1;
  const titleHeadline = next < main.length ? parseTitleLine(main[next]?.text ?? "") : null;
  if (titleHeadline !== null) {
    roles.mark(main[next], "title");
    next = nextNonBlank(main, next + 1);
  }

  let headline = titleHeadline;
  let headlineLine = firstLine;
  const captionFrom = next;
  // Without a title line, a photo's caption may stand above the only headline line.
  const captionAbove = titleHeadline === null ? headlineAfterCaption(main, next, options) : -1;
  const at = captionAbove === -1 ? next : captionAbove;
  const candidate = main[at];
  if (candidate !== undefined && (captionAbove !== -1 || isHeadlineLine(main, next, titleHeadline, options))) {
    headline = candidate.text.trim();
    headlineLine = candidate.number;
    roles.mark(candidate, "headline");
    next = nextNonBlank(main, at + 1);
  }

  const header = emptyHeader();
  const isHeadline = headlineMatcher([headline, titleHeadline].filter((text): text is string => text !== null));
  const zone = (from: number, to: number, kind: ZoneKind): number =>
    from +
    parseHeaderZone(main.slice(from, to), header, {
      kind,
      timeZone: options.timeZone,
      isHeadline,
      sections: options.sections,
      roles,
    });

  if (captionAbove !== -1) zone(captionFrom, captionAbove, "delimited");
  let bodyStart = next;
  if (headline !== null) {
    const copy = lastHeadlineCopy(main, next, isHeadline);
    if (copy === -1) bodyStart = zone(next, main.length, "open");
    else {
      const between = nextNonBlank(main, next) < copy;
      if (between) zone(next, copy, "delimited");
      roles.mark(main[copy], "headline");
      bodyStart = zone(copy + 1, main.length, between ? "explicit" : "after-copy");
    }
  }

  if (headline !== null && header.caption === null) {
    const top = readAboveCapitalLede(main, bodyStart, roles) ?? readPhotoDescription(main, bodyStart, roles);
    if (top !== null) {
      header.caption = top.caption;
      if (top.standfirst !== null && header.standfirst.length === 0) header.standfirst.push(top.standfirst);
      bodyStart = top.bodyStart;
    }
  }
  const body = parseBody(main.slice(bodyStart), roles, headline !== null && /^letters?\b/iu.test(headline));
  // A page is never left without its story: an uncredited caption that took the only paragraph was the lede,
  // and the alt text above it, if any, the caption printed once.
  if (body.paragraphs.length === 0 && header.caption !== null && header.caption.credit === null) {
    const captionLines = main.filter((line) => roles.roleOf(line) === "caption");
    const first = captionLines[0];
    const alt = first === undefined ? undefined : main[previousNonBlank(main, main.indexOf(first) - 1)];
    body.paragraphs.push(header.caption.caption);
    roles.markAll(captionLines, "body", 1);
    header.caption = null;
    if (alt !== undefined && roles.roleOf(alt) === "alt text dropped") {
      header.caption = { caption: alt.text.trim(), credit: null };
      roles.mark(alt, "caption");
    }
  }
  const findings = [...header.findings];
  // A column's headline may carry its date (`Siem Reap Scene: 4 Jun 2009`), the only one the page prints.
  let date = header.date ?? (headline === null ? null : headlineDate(headline, options.timeZone));
  if (date === null && crawlerDate !== null) {
    date = crawlerDate;
    findings.push(finding(lines[0]?.number ?? 1, "warning", problemText.crawlerDate(crawlerDate)));
  }
  const listing = titleHeadline !== null && options.sections.has(titleHeadline.toLowerCase()) ? titleHeadline : null;
  return {
    headline,
    listing,
    headlineLine,
    byline: header.byline,
    moreAuthors: body.authors,
    date,
    section: header.section,
    standfirst: header.standfirst.length === 0 ? null : header.standfirst.join(" "),
    caption: header.caption,
    body: body.paragraphs,
    subheads: body.subheads,
    related,
    findings,
    roles,
  };
}

/** The date after the last colon of a headline, when that is all there is after it. */
function headlineDate(headline: string, timeZone: string): string | null {
  const tail = headline.slice(headline.lastIndexOf(":") + 1).trim();
  const parsed = headline.includes(":") ? parseDateLine(tail, timeZone) : null;
  return parsed?.kind === "impossible" ? null : (parsed?.iso ?? null);
}

/** Index of the nearest non-blank line at or before `from`, or -1. */
function previousNonBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i >= 0 && (lines[i] as Line).text.trim() === "") i--;
  return i;
}

/** Index in `lines` of the last copy of the headline standing among the next header lines, or -1. */
function lastHeadlineCopy(lines: readonly Line[], from: number, isHeadline: (text: string) => boolean): number {
  let found = -1;
  let seen = 0;
  for (let i = nextNonBlank(lines, from); i < lines.length && seen < MAX_HEADER_LINES; i = nextNonBlank(lines, i + 1)) {
    seen++;
    const text = (lines[i] as Line).text;
    if (isHeadline(text)) found = i;
  }
  return found;
}

/**
 * Whether the line at `i` (the first after the title line, if any) is the
 * headline. After a title line it is unless it is already a header line or
 * the body, so the title's headline serves; without a title line it must
 * look like a headline, or the page has none (a body-only dump).
 */
function isHeadlineLine(
  lines: readonly Line[],
  i: number,
  titleHeadline: string | null,
  options: ScrapedPageOptions,
): boolean {
  const candidate = lines[i] as Line;
  const text = candidate.text.trim();
  if (titleHeadline !== null && sameHeadline(text, titleHeadline)) return true;
  const after = lines[nextNonBlank(lines, i + 1)];
  const afterText = after?.text.trim() ?? "";
  if (
    parseDateLine(text, options.timeZone) !== null ||
    // A section name, or any short line right above a bare `Publication date` (2010–2013 site).
    (titleHeadline !== null && options.sections.has(text.toLowerCase())) ||
    isDateLabel(afterText) ||
    isDateLabel(text) ||
    hasBylinePrefix(text) ||
    isAltPlaceholder(text) ||
    isJunkAlt(text) ||
    isWidgetLine(text) ||
    labelledCredit(text) !== null ||
    // Without a title line, two copies of a line without a final stop are the headline printed twice, and
    // a lede shares the headline's words: only a sentence, or a line the next one extends, is an alt text.
    (isCaptionCopy(text, afterText) &&
      (titleHeadline !== null || /[.?!]["”’]?$/u.test(text) || (afterText !== text && afterText.startsWith(text)))) ||
    /^\p{Ll}/u.test(afterText) ||
    /^\p{Lu}$/u.test(text)
  )
    return false;
  if (titleHeadline !== null) {
    if (looksLikeByline(text) && !looksLikeByline(titleHeadline)) return false;
    // A headline is one short line; a long sentence is the first body paragraph.
    return !(text.length > 2 * titleHeadline.length + 40 || /\.$/u.test(text) || hasCredit(text));
  }
  return (
    after !== undefined &&
    text.split(/\s+/u).length <= MAX_HEADLINE_WORDS &&
    !/[.,;:]$/u.test(text) &&
    !/^\p{Ll}/u.test(text) &&
    !hasCredit(text)
  );
}

/**
 * Without a title line: the index of a headline line standing right under
 * a photo's caption (an alt text and its caption, or a caption with its
 * credit) at the top of the page, or -1.
 */
function headlineAfterCaption(lines: readonly Line[], from: number, options: ScrapedPageOptions): number {
  let i = nextNonBlank(lines, from);
  let captionLines = 0;
  for (; i < lines.length && captionLines < 3; i = nextNonBlank(lines, i + 1)) {
    const text = (lines[i] as Line).text.trim();
    const after = lines[nextNonBlank(lines, i + 1)]?.text.trim() ?? "";
    const isCaption = hasCredit(text) || (isCaptionCopy(text, after) && /[.?!]/u.test(after)) || isJunkAlt(text);
    if (!isCaption) break;
    captionLines++;
  }
  if (captionLines === 0 || i >= lines.length) return -1;
  return isHeadlineLine(lines, i, null, options) ? i : -1;
}

function hasCredit(text: string): boolean {
  return splitCaptionCredit(text).credit !== null;
}
