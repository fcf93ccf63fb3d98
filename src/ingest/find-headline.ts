/**
 * Which line of a scraped page is its headline, where its copy stands, and
 * what a headline line may carry: the parts of `parse-scraped-page.ts` that
 * look at one line and its neighbours.
 */
import { isCaptionCopy, isDateLabel, isAltPlaceholder, isJunkAlt, nextNonBlank, sameHeadline } from "./header-lines.ts";
import type { Line } from "./lines.ts";
import { isWidgetLine } from "./page-chrome.ts";
import { hasBylinePrefix, looksLikeByline } from "./parse-byline.ts";
import { labelledCredit, splitCaptionCredit } from "./parse-caption.ts";
import { parseDateLine } from "./parse-date-line.ts";

/** What deciding a headline needs of the page's options. */
export interface HeadlineOptions {
  timeZone: string;
  /** Lowercased section name -> name, configured and known ones. */
  sections: ReadonlyMap<string, string>;
}

/** The repeated headline stands among the first lines after the headline, never further down than this. */
const MAX_HEADER_LINES = 14;
/** A headline is one line of a few words; longer text is a paragraph. */
const MAX_HEADLINE_WORDS = 30;

/** The date after the last colon of a headline, when that is all there is after it. */
export function headlineDate(headline: string, timeZone: string): string | null {
  const tail = headline.slice(headline.lastIndexOf(":") + 1).trim();
  const parsed = headline.includes(":") ? parseDateLine(tail, timeZone) : null;
  return parsed?.kind === "impossible" ? null : (parsed?.iso ?? null);
}

/** Index in `lines` of the last copy of the headline standing among the next header lines, or -1. */
export function lastHeadlineCopy(lines: readonly Line[], from: number, isHeadline: (text: string) => boolean): number {
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
export function isHeadlineLine(
  lines: readonly Line[],
  i: number,
  titleHeadline: string | null,
  options: HeadlineOptions,
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
export function headlineAfterCaption(lines: readonly Line[], from: number, options: HeadlineOptions): number {
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
