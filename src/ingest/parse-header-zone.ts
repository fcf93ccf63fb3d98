/**
 * The header zone between the headline and the body: section, byline, date
 * lines, standfirst, and the photo caption with its alt text and credit, in
 * any order, each optional.
 */
import { finding, type Finding, problemText } from "../model/problems.ts";
import {
  isAltPlaceholder,
  isBareName,
  isCaptionCopy,
  isDateLabel,
  isJunkAlt,
  isSentenceLike,
  nextNonBlank,
  sameBlockNext,
  sameHeadline,
} from "./header-lines.ts";
import type { LineRoles } from "./line-roles.ts";
import type { Line } from "./lines.ts";
import { isWidgetLine, readTopChrome } from "./page-chrome.ts";
import { type Byline, hasBylinePrefix, isNameList, looksLikeByline, parseByline } from "./parse-byline.ts";
import { type Caption, labelledCredit, splitCaptionCredit } from "./parse-caption.ts";
import { parseDateLine } from "./parse-date-line.ts";

/** What the header zones of one page found; filled in by each zone in turn. */
export interface HeaderFields {
  byline: Byline | null;
  date: string | null;
  /** The section name as printed (the 2010–2013 site prints one above the date). */
  section: string | null;
  /** Blocks of the deck printed under the headline. */
  standfirst: string[];
  caption: Caption | null;
  findings: Finding[];
}

/**
 * - `delimited`: a repeated headline closes the zone, so every line in it is a header line;
 * - `open`: the zone ends at the first line that is not recognisably a header line;
 * - `after-copy`: an open zone after two adjacent headline copies (2009–2012 pages): as `open`,
 *   but a short line is not taken for a byline, which those pages print only as `Reporter : Name`;
 * - `explicit`: after a delimited zone, only lines that say what they are (dates, `By …`) still belong to the header.
 */
export type ZoneKind = "delimited" | "open" | "after-copy" | "explicit";

export interface HeaderZoneContext {
  kind: ZoneKind;
  timeZone: string;
  /** The headline and the title line's wording of it: copies of either are headline lines. */
  headlines: readonly string[];
  /** Lowercased section name -> name. */
  sections: ReadonlyMap<string, string>;
  roles: LineRoles;
}

export function emptyHeader(): HeaderFields {
  return { byline: null, date: null, section: null, standfirst: [], caption: null, findings: [] };
}

/** Up to how many blocks a standfirst may run before the header line that shows it is one. */
const MAX_STANDFIRST_BLOCKS = 3;

/** Reads one zone into `fields`; returns the index into `lines` where the body starts. */
export function parseHeaderZone(lines: readonly Line[], fields: HeaderFields, context: HeaderZoneContext): number {
  const { roles, kind } = context;
  let pendingCredit: string | null = null;
  /** After an alt-text placeholder, junk alt text or a credit line, the next text is the caption. */
  let captionDue = false;
  const unrecognized: number[] = [];

  for (let i = nextNonBlank(lines, 0); i < lines.length; i = nextNonBlank(lines, i + 1)) {
    const line = lines[i] as Line;
    const text = line.text.trim();
    const nextIndex = nextNonBlank(lines, i + 1);
    const next = lines[nextIndex];

    if (context.headlines.some((headline) => sameHeadline(headline, text))) {
      roles.mark(line, "headline");
      continue;
    }
    if (isAltPlaceholder(text)) {
      roles.mark(line, "alt text dropped");
      captionDue = fields.caption === null;
      continue;
    }
    if (isWidgetLine(text) || readTopChrome(text) !== null) {
      roles.mark(line, "chrome dropped");
      continue;
    }
    const labelledDate = isDateLabel(text) && next !== undefined ? parseDateLine(next.text, context.timeZone) : null;
    if (labelledDate !== null && next !== undefined) {
      readDate(fields, labelledDate, next, `${text} ${next.text.trim()}`);
      roles.mark(line, "date");
      roles.mark(next, "date");
      i = nextIndex;
      continue;
    }
    const combined = splitBylineAndDate(text, context.timeZone);
    if (combined !== null && fields.byline === null && fields.date === null) {
      fields.byline = parseByline(combined.byline);
      fields.date = combined.date;
      roles.mark(line, "byline");
      continue;
    }
    const date = parseDateLine(text, context.timeZone);
    if (date !== null) {
      readDate(fields, date, line, text);
      roles.mark(line, "date");
      continue;
    }
    if (hasBylinePrefix(text) && looksLikeByline(text)) {
      if (fields.byline === null) fields.byline = parseByline(text);
      roles.mark(line, "byline");
      continue;
    }
    if (kind === "explicit") return i;

    const credit = labelledCredit(text);
    if (credit !== null) {
      roles.mark(line, "credit");
      if (fields.caption !== null && fields.caption.credit === null) fields.caption.credit = credit;
      else {
        pendingCredit = credit;
        captionDue = fields.caption === null;
      }
      continue;
    }
    if (fields.section === null && fields.byline === null && isSectionLine(text, next, context)) {
      fields.section = context.sections.get(text.toLowerCase()) ?? text;
      roles.mark(line, "section");
      continue;
    }
    if (fields.caption === null && isJunkAlt(text)) {
      roles.mark(line, "alt text dropped");
      captionDue = true;
      continue;
    }
    if (fields.caption === null) {
      const found = readCaption(lines, i, { forced: captionDue, open: kind !== "delimited" }, roles);
      if (found !== null) {
        fields.caption = { ...found.caption, credit: found.caption.credit ?? pendingCredit };
        i = found.last;
        continue;
      }
    } else if (isCaptionCopy(text, fields.caption.caption) || isCaptionCopy(fields.caption.caption, text)) {
      roles.mark(line, "caption");
      continue;
    }
    const following = sameBlockNext(lines, i);
    if (fields.caption === null && isBareName(text) && following !== undefined && isSentenceLike(following.text)) {
      // A photographer's name on the line above the caption.
      roles.mark(line, "credit");
      pendingCredit = text;
      captionDue = true;
      continue;
    }
    const continues = next !== undefined && /^\p{Ll}/u.test(next.text.trim());
    const bylineByShape = kind !== "after-copy" && !continues && !/^\p{Lu}$/u.test(text);
    if (fields.byline === null && bylineByShape && looksLikeByline(text)) {
      fields.byline = parseByline(text);
      roles.mark(line, "byline");
      continue;
    }
    if (kind === "delimited") {
      unrecognized.push(i);
      continue;
    }
    const headerAt = fields.caption === null && !continues ? standfirstEnd(lines, i, context) : -1;
    if (headerAt === -1) return i;
    for (let j = i; j < headerAt; j = nextNonBlank(lines, j + 1)) {
      fields.standfirst.push((lines[j] as Line).text.trim());
      roles.mark(lines[j], "standfirst");
    }
    i = headerAt - 1;
  }
  if (kind === "delimited") assignUnrecognized(lines, unrecognized, fields, pendingCredit, roles);
  return lines.length;
}

function readDate(
  fields: HeaderFields,
  date: NonNullable<ReturnType<typeof parseDateLine>>,
  line: Line,
  printed: string,
): void {
  if (date.kind === "impossible")
    fields.findings.push(finding(line.number, "error", problemText.impossibleDate(printed)));
  // Later date lines (`Updated …`) belong to the header too; the first is the publication date.
  else fields.date ??= date.iso;
}

/** A configured or known section name, or any short line standing right above a bare `Publication date`. */
function isSectionLine(text: string, next: Line | undefined, context: HeaderZoneContext): boolean {
  if (context.sections.has(text.toLowerCase())) return true;
  return next !== undefined && isDateLabel(next.text) && text.split(/\s+/u).length <= 4 && !/[.?!,:;]$/u.test(text);
}

/**
 * The caption starting at `i`: two copies (alt text and caption, adjacent or
 * with a blank line between), or one line that is due to be a caption, has a
 * credit, or has a credit line beside it. Null when `i` is not a caption;
 * else the caption and the index of its last line.
 */
function readCaption(
  lines: readonly Line[],
  i: number,
  how: { forced: boolean; open: boolean },
  roles: LineRoles,
): { caption: Caption; last: number } | null {
  const line = lines[i] as Line;
  const text = line.text.trim();
  const nextIndex = nextNonBlank(lines, i + 1);
  const next = lines[nextIndex];
  let caption: Caption;
  let last = i;
  if (next !== undefined && isCaptionCopy(text, next.text)) {
    caption = splitCaptionCredit(next.text);
    roles.mark(line, next.text.trim() === text ? "caption" : "alt text dropped");
    roles.mark(next, "caption");
    last = nextIndex;
  } else {
    caption = splitCaptionCredit(text);
    // In an open zone a caption must leave a body after it: a lone paragraph is the body.
    const credited = caption.credit !== null && isSentenceLike(text) && (!how.open || nextIndex < lines.length);
    if (!how.forced && !credited && creditBeside(lines, i) === null) return null;
    roles.mark(line, "caption");
  }
  const credit = creditBeside(lines, last);
  if (credit !== null) {
    caption.credit ??= credit;
    roles.mark(lines[last + 1], "credit");
    last += 1;
  }
  return { caption, last };
}

/** `Photo by: Name` or a bare name on the line right under `i`, in the same block. */
function creditBeside(lines: readonly Line[], i: number): string | null {
  const beside = sameBlockNext(lines, i);
  if (beside === undefined) return null;
  return labelledCredit(beside.text) ?? (isBareName(beside.text) ? beside.text.trim() : null);
}

/**
 * In an open zone, text blocks directly under the headline are its
 * standfirst when a header line (date, byline, caption) follows them: the
 * index of that header line, or -1 when the text is the body.
 */
function standfirstEnd(lines: readonly Line[], i: number, context: HeaderZoneContext): number {
  let j = i;
  for (let blocks = 0; blocks < MAX_STANDFIRST_BLOCKS; blocks++) {
    j = nextNonBlank(lines, j + 1);
    const line = lines[j];
    if (line === undefined) return -1;
    const text = line.text.trim();
    const after = lines[nextNonBlank(lines, j + 1)];
    if (
      isDateLabel(text) ||
      parseDateLine(text, context.timeZone)?.kind === "date" ||
      hasBylinePrefix(text) ||
      isAltPlaceholder(text) ||
      labelledCredit(text) !== null ||
      (after !== undefined && isCaptionCopy(text, after.text))
    )
      return j;
    if (!isSentenceLike(text)) return -1;
  }
  return -1;
}

/**
 * Lines of a delimited zone that nothing recognised. With no caption found,
 * the last one after the byline and date lines is the caption (a single copy
 * without credit); text above the byline and date, or before the caption,
 * is the standfirst; anything after the caption is reported.
 */
function assignUnrecognized(
  lines: readonly Line[],
  unrecognized: number[],
  fields: HeaderFields,
  pendingCredit: string | null,
  roles: LineRoles,
): void {
  let captionIndex = lines.findIndex((line) => roles.roleOf(line) === "caption");
  if (fields.caption === null) {
    const firstMeta = lines.findIndex((line) => roles.roleOf(line) === "date" || roles.roleOf(line) === "byline");
    const last = unrecognized.at(-1);
    const previous = unrecognized.at(-2);
    const continues =
      last !== undefined && previous !== undefined && continuesText(lines[previous] as Line, lines[last] as Line);
    if (last !== undefined && last > firstMeta && !continues) {
      unrecognized.pop();
      const line = lines[last] as Line;
      fields.caption = splitCaptionCredit(line.text);
      fields.caption.credit ??= pendingCredit;
      roles.mark(line, "caption");
      captionIndex = last;
    }
  }
  for (const index of unrecognized) {
    const line = lines[index] as Line;
    if (captionIndex === -1 || index < captionIndex) {
      fields.standfirst.push(line.text.trim());
      roles.mark(line, "standfirst");
    } else {
      fields.findings.push(finding(line.number, "warning", problemText.unrecognizedHeaderLine(line.text.trim())));
      roles.mark(line, "chrome dropped");
    }
  }
}

/** Whether `second` carries on the sentence `first` left open (it starts in lowercase after no full stop). */
function continuesText(first: Line, second: Line): boolean {
  return !/[.?!។”"]$/u.test(first.text.trim()) && /^\p{Ll}/u.test(second.text.trim());
}

/** A byline and a date fit in this many characters; longer lines are text, and are not searched for either. */
const MAX_BYLINE_AND_DATE_LENGTH = 240;
/** Most words a byline after a date may have: `Cameron Wells and Phak Seangly`. */
const MAX_TRAILING_BYLINE_WORDS = 8;

/**
 * Byline and date on one line: `Niem Chheng | Publication date 24 April 2019 | 10:19 ICT`,
 * or the date first and the names after it, as the 2008–2011 site printed them:
 * `Wednesday, 24 March 2010 15:04 Cameron Wells and Phak Seangly`.
 */
function splitBylineAndDate(text: string, timeZone: string): { byline: string; date: string } | null {
  if (text.length > MAX_BYLINE_AND_DATE_LENGTH) return null;
  for (let bar = text.indexOf("|"); bar !== -1; bar = text.indexOf("|", bar + 1)) {
    const byline = text.slice(0, bar).trim();
    const date = parseDateLine(text.slice(bar + 1), timeZone);
    if (date?.kind === "date" && byline !== "" && looksLikeByline(byline)) return { byline, date: date.iso };
  }
  const words = text.split(/\s+/u);
  for (let count = 1; count <= MAX_TRAILING_BYLINE_WORDS && count < words.length; count++) {
    const byline = words.slice(-count).join(" ");
    if (!isNameList(byline)) continue;
    const date = parseDateLine(words.slice(0, -count).join(" "), timeZone);
    if (date?.kind === "date") return { byline, date: date.iso };
  }
  return null;
}
