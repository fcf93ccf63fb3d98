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
  isSectionLine,
  isSentenceLike,
  nextNonBlank,
  sameBlockNext,
} from "./header-lines.ts";
import type { LineRoles } from "./line-roles.ts";
import type { Line } from "./lines.ts";
import { isWidgetLine, readTopChrome } from "./page-chrome.ts";
import { type Byline, hasBylinePrefix, looksLikeByline, parseByline } from "./parse-byline.ts";
import { type Caption, labelledCredit } from "./parse-caption.ts";
import { captionAbove, dueButNotCaption, readCaption } from "./header-caption.ts";
import { assignUnrecognized, standfirstEnd } from "./header-leftovers.ts";
import { splitBylineAndDate } from "./split-byline-date.ts";
import { parseDateLine } from "./parse-date-line.ts";

/** What the header zones of one page found; filled in by each zone in turn. */
export interface HeaderFields {
  byline: Byline | null;
  /** Names from credit lines after the byline. */
  moreAuthors: string[];
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
  /** Whether a line copies the headline or the title line's wording of it: such lines are headline lines. */
  isHeadline: (text: string) => boolean;
  /** Lowercased section name -> name. */
  sections: ReadonlyMap<string, string>;
  roles: LineRoles;
}

export function emptyHeader(): HeaderFields {
  return { byline: null, moreAuthors: [], date: null, section: null, standfirst: [], caption: null, findings: [] };
}

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

    if (context.isHeadline(text)) {
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
      // A second credit line (`Additional reporting by …`) adds its names.
      if (fields.byline === null) fields.byline = parseByline(text);
      else fields.moreAuthors.push(...parseByline(text).authors);
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
    if (fields.section === null && fields.byline === null && isSectionLine(text, next, context.sections)) {
      fields.section = context.sections.get(text.toLowerCase()) ?? text;
      roles.mark(line, "section");
      continue;
    }
    if (fields.caption === null && isJunkAlt(text)) {
      roles.mark(line, "alt text dropped");
      captionDue = true;
      continue;
    }
    const notCaption = fields.caption === null && captionDue ? dueButNotCaption(lines, i) : null;
    if (notCaption === "lede") {
      captionAbove(lines, fields, pendingCredit, roles);
      return i;
    }
    if (notCaption === "standfirst") captionDue = false;
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
