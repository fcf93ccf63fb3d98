/**
 * The scraped plain-text page, top to bottom: navigation chrome, title line,
 * headline, header zone (section, dates, byline, standfirst, caption), the
 * repeated headline, body paragraphs, footers, related list. Every part but
 * the body is optional, and real crawls show every combination.
 */
import { finding, type Finding, problemText } from "../model/problems.ts";
import {
  headlineAfterCaption,
  headlineDate,
  isHeadlineLine,
  lastHeadlineCopy,
  type HeadlineOptions,
} from "./find-headline.ts";
import { headlineMatcher, nextNonBlank, previousNonBlank } from "./header-lines.ts";
import { readAboveCapitalLede, readPhotoDescription } from "./lede-caption.ts";
import { kickerMatcher } from "./kicker.ts";
import { LineRoles } from "./line-roles.ts";
import { type Line, isBlank } from "./lines.ts";
import { gluedCrawlerDate, readTopChrome } from "./page-chrome.ts";
import { parseBody } from "./parse-body.ts";
import type { Byline } from "./parse-byline.ts";
import type { Caption } from "./parse-caption.ts";
import { type ZoneKind, emptyHeader, parseHeaderZone } from "./parse-header-zone.ts";
import { type ScrapedRelated, findRelatedStart, parseRelated } from "./parse-related.ts";
import { parseTitleLine } from "./parse-title-line.ts";
import { isPlaceholderText } from "./placeholder-text.ts";
import { readBodyStandfirst } from "./body-standfirst.ts";

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
  /** The label printed over the story, or null. */
  kicker: string | null;
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

export type ScrapedPageOptions = HeadlineOptions;

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
  const headlines = [headline, titleHeadline].filter((text): text is string => text !== null);
  const isHeadline = headlineMatcher(headlines);
  const zone = (from: number, to: number, kind: ZoneKind): number =>
    from +
    parseHeaderZone(main.slice(from, to), header, {
      kind,
      timeZone: options.timeZone,
      isHeadline,
      isKicker: kickerMatcher(headlines),
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

  // Placeholder filler a CMS left above the story is dropped; a page of nothing else keeps it.
  let storyStart = nextNonBlank(main, bodyStart);
  while (isPlaceholderText(main[storyStart]?.text ?? "")) storyStart = nextNonBlank(main, storyStart + 1);
  if (storyStart < main.length) {
    roles.markAll(
      main.slice(bodyStart, storyStart).filter((line) => !isBlank(line)),
      "filler dropped",
    );
    bodyStart = storyStart;
  }
  if (headline !== null && header.caption === null) {
    const top = readAboveCapitalLede(main, bodyStart, roles) ?? readPhotoDescription(main, bodyStart, roles);
    if (top !== null) {
      header.caption = top.caption;
      if (top.standfirst !== null && header.standfirst.length === 0) header.standfirst.push(top.standfirst);
      bodyStart = top.bodyStart;
    }
  }
  const signed =
    headline !== null && header.standfirst.length === 0 ? readBodyStandfirst(main, bodyStart, roles) : null;
  if (signed !== null) {
    header.standfirst.push(signed.standfirst);
    bodyStart = signed.bodyStart;
  }
  const body = parseBody(main.slice(bodyStart), roles, {
    isLetter: headline !== null && /^letters?\b/iu.test(headline),
    takePhoto: header.caption === null,
  });
  header.caption ??= body.photo;
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
    kicker: header.kicker,
    byline: header.byline,
    moreAuthors: [...(signed?.authors ?? []), ...body.authors],
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
