/**
 * Recognisers for single lines of a scraped page's header: each answers
 * whether a line is one kind of header line. The header-zone parser decides
 * from these and from where the line stands.
 */
import { isSpaceCode } from "./char-classes.ts";
import { type Line, isBlank } from "./lines.ts";
import { isNameList } from "./parse-byline.ts";

/** Sections the paper's websites printed above the date, besides the configured ones. */
const KNOWN_SECTIONS = [
  "National",
  "Business",
  "World",
  "Sport",
  "Lifestyle",
  "Opinion",
  "Politics",
  "Siem Reap Insider",
  "Supplements",
  "Special Reports",
  "LIFT",
  "7Days",
  "Post Weekend",
  "Post Plus",
  "Property",
  "Real Estate",
  "Editorial",
  "Columns",
  "Letters",
  "Analysis and Op-Ed",
  "International",
  "Asia",
  "Features",
  "Travel",
  "Arts",
  "Culture",
  "Khmer Rouge Tribunal",
  "Police Blotter",
];

/** Lowercased name -> name as given; configured names first. */
export function sectionNameIndex(configured: Readonly<Record<string, string>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const name of [...Object.values(configured), ...KNOWN_SECTIONS]) {
    if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), name);
  }
  return index;
}

/** `Publication date` standing alone, the date on the next line (the 2010–2013 site). */
const DATE_LABEL = /^(?:publication\s+date|published(?:\s+on)?|posted(?:\s+on)?|date)\s*:?$/iu;

export function isDateLabel(text: string): boolean {
  return DATE_LABEL.test(text.trim());
}

/** `Content image - Phnom Penh Post`: the alt text the site put on images that had none. */
const ALT_PLACEHOLDER = /^(?:content\s+image|image)\s*[-–|:]\s*(?:the\s+)?phnom\s+penh\s+post$/iu;

export function isAltPlaceholder(text: string): boolean {
  return ALT_PLACEHOLDER.test(text.trim());
}

/**
 * An image's file name scraped as its alt text: `110217_8b`, `130206 05`, `5dengue fever`,
 * `IMG_2041.jpg`. A few words at most, the first glued digits and letters,
 * or an underscore, or an image extension.
 */
export function isJunkAlt(text: string): boolean {
  const line = text.trim();
  const words = line.split(/\s+/u);
  if (words.length > 4 || /[.?!”"]$/u.test(line.replace(/\.(?:jpe?g|png|gif|webp)$/iu, ""))) return false;
  const first = words[0] ?? "";
  return (
    /\.(?:jpe?g|png|gif|webp)$/iu.test(line) ||
    /_/u.test(first) ||
    /^\d+\p{Ll}/u.test(first) ||
    /^\p{L}+\d{3,}/u.test(first) ||
    // A date-stamped name without its extension: `130206 05`.
    /^\d{5,}(?:[\s_-]+\d{1,4})?$/u.test(line)
  );
}

/** Words of a line, lowercased, without punctuation: for comparing alt text with its caption, or a kicker with its headline. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== "");
}

/**
 * Whether `first` is the image's alt text and `second` its caption: the same
 * text, the caption extending the alt text, or an alt text that is a shorter
 * wording of the caption (most of its words in it).
 */
export function isCaptionCopy(first: string, second: string): boolean {
  const a = first.trim();
  const b = second.trim();
  const altWords = words(a);
  // Two copies of a name or a section are not a caption.
  if (altWords.length < 3 || b === "") return false;
  if (a === b || b.startsWith(`${a} `) || b.startsWith(a.replace(/[.?!]$/u, ""))) return true;
  if (a.length >= b.length) return false;
  const captionWords = new Set(words(b));
  const shared = altWords.filter((word) => captionWords.has(word)).length;
  return shared / altWords.length >= 0.7;
}

/** A caption reads as sentences; a line of a few words is a name, label or section. */
export function isSentenceLike(text: string): boolean {
  return text.trim().split(/\s+/u).length >= 6;
}

/** A bare name standing beside a caption: its photographer (`Pha Lina`, `FACEBOOK`). */
export function isBareName(text: string): boolean {
  const line = text.trim();
  return line.split(/\s+/u).length <= 4 && isNameList(line) && !/[.?!:]$/u.test(line);
}

/** Index of the next non-blank line at or after `from`, or `lines.length`. */
export function nextNonBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i] as Line)) i++;
  return i;
}

/** Index of the previous non-blank line at or before `from`, or -1. */
export function previousNonBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i >= 0 && isBlank(lines[i] as Line)) i--;
  return i;
}

/** Whether the line after `i` in the same block (no blank line between) exists. */
export function sameBlockNext(lines: readonly Line[], i: number): Line | undefined {
  const next = lines[i + 1];
  return next === undefined || isBlank(next) ? undefined : next;
}

/** A headline as a reader compares it: spacing and letter case aside. */
function normalizeHeadline(text: string): string {
  return text.replace(/\s+/gu, " ").trim().toLowerCase();
}

export function sameHeadline(a: string, b: string): boolean {
  return normalizeHeadline(a) === normalizeHeadline(b);
}

/**
 * Whether a line is a copy of any of `headlines` (as `sameHeadline` has it),
 * normalizing the headlines once: a page's header lines are each compared
 * with every wording of its headline.
 */
export function headlineMatcher(headlines: readonly string[]): (text: string) => boolean {
  const wanted = new Set(headlines.map(normalizeHeadline));
  const longest = Math.max(0, ...[...wanted].map((headline) => headline.length));
  // Lowercasing never shortens a text and only whitespace collapses: a line
  // with more non-space characters than the longest headline is none of them
  // (most lines a page has are paragraphs, not worth normalizing).
  return (text) => wanted.size > 0 && !moreNonSpace(text, longest) && wanted.has(normalizeHeadline(text));
}

/** Whether `text` has more than `limit` non-whitespace code units; reads no further than it must. */
function moreNonSpace(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i)) && ++count > limit) return true;
  return false;
}

/** A configured or known section name, or any short line standing right above a bare `Publication date`. */
export function isSectionLine(text: string, next: Line | undefined, sections: ReadonlyMap<string, string>): boolean {
  if (sections.has(text.toLowerCase())) return true;
  return next !== undefined && isDateLabel(next.text) && text.split(/\s+/u).length <= 4 && !/[.?!,:;]$/u.test(text);
}
