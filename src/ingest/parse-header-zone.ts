/**
 * The header zone between the headline and the body: section, byline, date
 * lines, standfirst, and the photo caption with its alt text and credit, in
 * any order, each optional.
 */
import type { Finding } from "../model/problems.ts";
import {
  isAltPlaceholder,
  isBareName,
  isCaptionCopy,
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
import { type Caption, labelledCredit, splitCaptionCredit } from "./parse-caption.ts";
import { captionAbove, dueButNotCaption, readCaption } from "./header-caption.ts";
import { assignUnrecognized, standfirstEnd } from "./header-leftovers.ts";
import { readLabelLine } from "./header-labels.ts";

/** What the header zones of one page found; filled in by each zone in turn. */
export interface HeaderFields {
  /** The label printed over the story (`THIS WEEK IN HISTORY`), or null. */
  kicker: string | null;
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
  /** Whether a line copies the headline or the title line's wording of it: such lines are headline lines. */
  isHeadline: (text: string) => boolean;
  /** Whether a line is a kicker over this story. */
  isKicker: (text: string) => boolean;
  /** Lowercased section name -> name. */
  sections: ReadonlyMap<string, string>;
  roles: LineRoles;
}

/** An image's title is a few words, never a sentence. */
const MAX_IMAGE_TITLE_WORDS = 6;

export function emptyHeader(): HeaderFields {
  return {
    kicker: null,
    byline: null,
    date: null,
    section: null,
    standfirst: [],
    caption: null,
    findings: [],
  };
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
    const label = readLabelLine(lines, i, fields, context);
    if (label !== -1) {
      i = label;
      continue;
    }
    if (hasBylinePrefix(text) && looksLikeByline(text)) {
      // A second credit line (`Additional reporting by …`) joins the byline.
      fields.byline = parseByline(fields.byline === null ? text : `${fields.byline.byline}; ${text}`);
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
      // An image's file name stands on the line above its caption; after a blank line the story goes on.
      captionDue = sameBlockNext(lines, i) !== undefined;
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
    const titleLike = text.split(/\s+/u).length <= MAX_IMAGE_TITLE_WORDS && !/[.?!]$/u.test(text);
    if (
      fields.caption === null &&
      titleLike &&
      following !== undefined &&
      splitCaptionCredit(following.text).credit !== null
    ) {
      // A short line glued above a credited caption is its image's title, not a byline.
      roles.mark(line, "alt text dropped");
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
