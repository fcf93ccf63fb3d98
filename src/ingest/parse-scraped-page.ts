/**
 * The scraped plain-text page, top to bottom: title line, headline, header
 * zone, repeated headline, body paragraphs, related list.
 */
import type { Finding } from "../problems.ts";
import { type Line, isBlank, toBlocks } from "./lines.ts";
import type { Byline } from "./parse-byline.ts";
import { looksLikeByline } from "./parse-byline.ts";
import type { Caption } from "./parse-caption.ts";
import { parseDateLine } from "./parse-date-line.ts";
import { parseHeaderZone } from "./parse-header-zone.ts";
import { type ScrapedRelated, findRelatedStart, parseRelated } from "./parse-related.ts";
import { parseTitleLine } from "./parse-title-line.ts";

export interface ScrapedPage {
  /** Null when the page has no line that can be its headline. */
  headline: string | null;
  /** Line of the headline, or of the page's first line when there is none. */
  headlineLine: number;
  byline: Byline | null;
  date: string | null;
  caption: Caption | null;
  /** Each paragraph's exact text (lines of one paragraph joined by `\n`). */
  body: string[];
  related: ScrapedRelated[];
  findings: Finding[];
}

/** The repeated headline closes the header zone, which never holds more lines than this. */
const MAX_HEADER_LINES = 8;

export function parseScrapedPage(lines: readonly Line[], timeZone: string): ScrapedPage {
  const relatedStart = findRelatedStart(lines);
  const main = lines.slice(0, relatedStart);
  const related = parseRelated(lines.slice(relatedStart));

  let next = nextNonBlank(main, 0);
  const firstLine = main[next]?.number ?? lines[0]?.number ?? 1;
  const titleHeadline = next < main.length ? parseTitleLine(main[next]?.text ?? "") : null;
  if (titleHeadline !== null) next = nextNonBlank(main, next + 1);

  const candidate = main[next];
  let headline: string | null = titleHeadline;
  let headlineLine = firstLine;
  if (candidate !== undefined && !isHeadlineOmitted(candidate, main[next + 1], titleHeadline, timeZone)) {
    headline = candidate.text.trim();
    headlineLine = candidate.number;
    next += 1;
  }

  const rest = main.slice(next);
  const repeat = headline === null ? -1 : findRepeatedHeadline(rest, [headline, titleHeadline]);
  const zone =
    repeat === -1
      ? parseHeaderZone(rest, { delimited: false, timeZone })
      : { ...parseHeaderZone(rest.slice(0, repeat), { delimited: true, timeZone }), bodyStart: repeat + 1 };

  return {
    headline,
    headlineLine,
    byline: zone.byline,
    date: zone.date,
    caption: zone.caption,
    body: toBlocks(rest.slice(zone.bodyStart)).map((block) => block.map((line) => line.text).join("\n")),
    related,
    findings: zone.findings,
  };
}

function nextNonBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i] as Line)) i++;
  return i;
}

/**
 * Whether the line after the title line is not the headline but already the
 * header zone or the body, so the title line's headline must serve.
 */
function isHeadlineOmitted(
  candidate: Line,
  after: Line | undefined,
  titleHeadline: string | null,
  timeZone: string,
): boolean {
  if (titleHeadline === null) return false;
  const text = candidate.text.trim();
  if (text === titleHeadline) return false;
  if (parseDateLine(text, timeZone) !== null || text === after?.text.trim()) return true;
  if (looksLikeByline(text) && !looksLikeByline(titleHeadline)) return true;
  // A headline is one short line; a long sentence is the first body paragraph.
  return text.length > 2 * titleHeadline.length + 40 || /\.$/u.test(text);
}

/** Index in `lines` of the repeated headline standing alone, or -1 (looked for only in the header zone). */
function findRepeatedHeadline(lines: readonly Line[], headlines: readonly (string | null)[]): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < MAX_HEADER_LINES; i++) {
    const line = lines[i];
    if (line === undefined || isBlank(line)) continue;
    seen++;
    const standsAlone =
      (lines[i - 1] === undefined || isBlank(lines[i - 1] as Line)) &&
      (lines[i + 1] === undefined || isBlank(lines[i + 1] as Line));
    if (standsAlone && headlines.includes(line.text.trim())) return i;
  }
  return -1;
}
