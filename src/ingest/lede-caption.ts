/**
 * Print-style pages (about 2008–2013) open the story with a word in
 * capitals (`OFFICIALS are…`, `SIEM REAP TOWN –`). What stands between
 * the headline and such a lede is not the story: a photo's caption,
 * printed once and often without credit, a standfirst, and a photo label
 * (`Photo by: Name`, a bare `Photo by:`, or the photographer's name alone).
 * A caption describes a photo in one or two sentences, ending with a full
 * stop, often naming positions (`(left)`, `, right,`); a standfirst sums up
 * the story and may lack the stop. With a photo label between them, the text
 * above it is the standfirst and the text under it the caption.
 */
import { isBareName, nextNonBlank } from "./header-lines.ts";
import type { LineRoles } from "./line-roles.ts";
import { type Line, isBlank } from "./lines.ts";
import { isEmptyPhotoLabel } from "./page-chrome.ts";
import { type Caption, labelledCredit } from "./parse-caption.ts";
import { describesInPresent } from "./photo-tense.ts";

/** A full stop, question or exclamation mark, maybe inside a closing quote. */
export const ENDS_SENTENCE = /[.!?]["”’]?$/u;
/** Blocks above the lede that may be caption, standfirst or photo label. */
const MAX_BLOCKS_ABOVE = 4;
/** A caption alone above the lede names who, what and where: shorter text is a standfirst. */
const MIN_CAPTION_WORDS = 12;
/** A caption under its photo label is a sentence or two. */
const MAX_CAPTION_WORDS = 45;
/** A caption or standfirst is a sentence or two, never a long paragraph. */
const MAX_WORDS = 70;

/**
 * A lede opening in capitals: two words in capitals (`SIEM REAP`, `AS A`),
 * or one of four letters or more followed by a lowercase word or a number
 * (`FLOODWATERS from`, `ABOUT 50`), not an acronym running into a name.
 */
export function opensInCapitals(text: string): boolean {
  const line = text.trim().replace(/^["“‘']/u, "");
  // A word in capitals may carry an apostrophe (`THE KINGDOM’S`, `THERE’S`).
  return (
    /^\p{Lu}[\p{Lu}'’]*\s+\p{Lu}{2,}(?:['’]\p{Lu}+)?[\s,]/u.test(line) ||
    /^\p{Lu}{4,}(?:['’]\p{Lu}+)?,?\s+(?:\p{Ll}|\d)/u.test(line)
  );
}

/** A caption's positions: `(left)`, `(second from right)`, `, right,`. */
export function namesPositions(text: string): boolean {
  return /\((?:[^)]*\b)?(?:left|right|centre|center|front|rear|top|bottom)\b[^)]*\)|,\s(?:left|right|centre|center),/iu.test(
    text,
  );
}

/** Words only a caption uses of its photo: `pictured`, `seen here`. */
const POINTS_AT_PHOTO = /\b(?:pictured|seen here|shown here|photographed)\b/iu;

/**
 * A photo's caption printed once, without credit, as the first paragraph:
 * one paragraph of a sentence or two that points at its photo (names
 * positions, or says `pictured`, `seen here`), with the story under it.
 */
export function readPhotoDescription(lines: readonly Line[], from: number, roles: LineRoles): LedeTop | null {
  const { block, next: bodyStart } = blockAt(lines, nextNonBlank(lines, from));
  const text = joined(block);
  if (block.length === 0 || bodyStart >= lines.length || !isTopText(text) || !ENDS_SENTENCE.test(text)) return null;
  const pointsAtPhoto = namesPositions(text) || POINTS_AT_PHOTO.test(text);
  // Told by its tense alone, a caption is one sentence: a lede in the present goes on to a second.
  const oneSentence = !/[.!?]["”’]?\s+\S/u.test(text);
  if (
    !pointsAtPhoto &&
    !(oneSentence && isCaptionShaped(text, 1) && !opensInCapitals(text) && describesInPresent(text))
  )
    return null;
  for (const line of block) roles.mark(line, "caption");
  return { caption: { caption: text, credit: null }, standfirst: null, bodyStart };
}

export interface LedeTop {
  caption: Caption | null;
  standfirst: string | null;
  /** Index in `lines` of the lede's first line. */
  bodyStart: number;
}

/**
 * The caption and standfirst standing above a lede in capitals at `from`,
 * with the roles of their lines marked; null when the page has no such lede
 * there, or what stands above it is more than a caption, standfirst and label.
 */
export function readAboveCapitalLede(lines: readonly Line[], from: number, roles: LineRoles): LedeTop | null {
  const blocks: Line[][] = [];
  let lede = -1;
  for (let i = nextNonBlank(lines, from); i < lines.length && blocks.length <= MAX_BLOCKS_ABOVE + 1;) {
    if (opensInCapitals((lines[i] as Line).text)) {
      lede = i;
      break;
    }
    const { block, next } = blockAt(lines, i);
    const last = blocks.at(-1);
    // A standfirst's print lines, each a block of its own, are one text.
    if (last !== undefined && continuesText(joined(last), joined(block))) last.push(...block);
    else blocks.push(block);
    i = next;
  }
  const label = blocks.findIndex(
    (block, n) => n < MAX_BLOCKS_ABOVE && block.length === 1 && isPhotoLabel(textOf(block)),
  );
  if (lede === -1) {
    // No lede in capitals: the layout's own order tells it. A photo label that says so (`Photo by:`, not a
    // bare name, which may be a salutation or a label of another kind) heads its caption, and the story
    // starts under that caption.
    const caption = blocks[label + 1];
    const after = blocks[label + 2];
    if (label === -1 || caption === undefined || after === undefined || isBareName(textOf(blocks[label]))) return null;
    if (!isCaptionShaped(joined(caption), 1) || !/^[\p{Lu}\d"“‘]/u.test(joined(after))) return null;
    blocks.length = label + 2;
    lede = lines.indexOf(after[0] as Line);
  }
  if (blocks.length === 0 || blocks.length > MAX_BLOCKS_ABOVE) return null;
  const texts = blocks.map((block, n) => ({ n, text: joined(block) }));
  const prose = texts.filter(({ n }) => n !== label);
  if (prose.length === 0 || prose.length > 2 || prose.some(({ text }) => !isTopText(text))) return null;
  const credit = label === -1 ? null : (labelledCredit(textOf(blocks[label])) ?? bareCredit(textOf(blocks[label])));
  // A label heads the caption under it; with nothing under it, it credits the caption above.
  const captionAt =
    label !== -1
      ? (prose.find(({ n }) => n > label) ?? prose.findLast(({ n }) => n < label))
      : (prose.find(({ text }) => namesPositions(text)) ??
        (prose.length === 2 ? prose[0] : isCaptionShaped(prose[0]?.text ?? "") ? prose[0] : undefined));
  const standfirst = prose.find((p) => p !== captionAt);
  blocks.forEach((block, n) => {
    const role = n === label ? "credit" : n === captionAt?.n ? "caption" : "standfirst";
    for (const line of block) roles.mark(line, role);
  });
  return {
    caption: captionAt === undefined ? null : { caption: captionAt.text, credit },
    standfirst: standfirst?.text ?? null,
    bodyStart: lede,
  };
}

/** Whether `second` carries on the sentence `first` left open: no stop or colon, then lowercase. */
function continuesText(first: string, second: string): boolean {
  return !/[.?!:;”"]$/u.test(first) && /^\p{Ll}/u.test(second);
}

/** The block of lines starting at `start` (up to a blank line), and the index of the next non-blank line after it. */
export function blockAt(lines: readonly Line[], start: number): { block: Line[]; next: number } {
  let end = start;
  while (end < lines.length && !isBlank(lines[end] as Line)) end++;
  return { block: lines.slice(start, end), next: nextNonBlank(lines, end) };
}

/** A block's lines as one text (a standfirst or caption wrapped over lines). */
export function joined(block: readonly Line[]): string {
  return block.map((line) => line.text.trim()).join(" ");
}

function textOf(block: readonly Line[] | undefined): string {
  return (block?.[0]?.text ?? "").trim();
}

function isPhotoLabel(text: string): boolean {
  return isEmptyPhotoLabel(text) || labelledCredit(text) !== null || isBareName(text);
}

function bareCredit(text: string): string | null {
  return isBareName(text) ? text.trim() : null;
}

/** Alone above the lede, a caption describes the photo in a full sentence; a shorter line sums up the story. */
function isCaptionShaped(text: string, minWords = MIN_CAPTION_WORDS): boolean {
  const words = text.split(/\s+/u).length;
  return ENDS_SENTENCE.test(text) && words >= minWords && words <= MAX_CAPTION_WORDS;
}

/** A caption or a standfirst: a sentence or two, not a quotation (a lede may open with one). */
function isTopText(text: string): boolean {
  return text.split(/\s+/u).length <= MAX_WORDS && !/^["“‘]/u.test(text) && !/^\p{Ll}/u.test(text);
}
