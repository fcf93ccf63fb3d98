/**
 * The body of a scraped page, after the header: paragraphs as printed, less
 * the site's widgets and footers; hard-wrapped print-archive text joined into
 * paragraphs; drop caps re-attached; reporter taglines and letter signatures
 * read as authors.
 */
import { findSubheads, takeInlinePhoto, takeStaffSignOffs } from "./body-structure.ts";
import type { LineRoles } from "./line-roles.ts";
import { type Block, type Line, toBlocks } from "./lines.ts";
import { isFooterStart, isWidgetLine, readReporterTagline } from "./page-chrome.ts";
import { isNameList } from "./parse-byline.ts";
import type { Caption } from "./parse-caption.ts";

export interface BodyText {
  /** Each paragraph's text: the lines of a block joined by `\n`, or by spaces for hard-wrapped text. */
  paragraphs: string[];
  /** Names from a reporter tagline or a letter's signature. */
  authors: string[];
  /** Indices in `paragraphs` of subheads: short lines between paragraphs that head what follows. */
  subheads: number[];
  /** A photo printed between paragraphs, taken out of them when the caller asked for it. */
  photo: Caption | null;
}

export interface BodyOptions {
  isLetter: boolean;
  /** Take a photo printed between paragraphs out of the text (when the header showed none). */
  takePhoto: boolean;
}

/** `The Editor,`, `Dear Sir,`: a letter's salutation, which is not its first paragraph. */
const SALUTATION =
  /^(?:(?:to\s+)?the\s+editor|editor|sirs?|dear\s+(?:editor|sirs?|madam|sir\s*(?:\/|or)\s*madam|editors)|(?:monsieur|madame)(?:\s+le\s+(?:directeur|rédacteur(?:\s+en\s+chef)?))?)\s*[,:;.]?$/iu;
/** A line that ends a sentence: full stop, question or exclamation mark, maybe inside a closing quote or bracket. */
const SENTENCE_END = /[.?!។][”"’')\]]*$/u;
/** A line that ends where a clause may: hard-wrapped lines that end in these are not evidence either way. */
const CLAUSE_END = /[.?!។:;,”"’')\]]$/u;
/** Two-letter words that may follow a capital `A` or `I` (`I am`), so `A n` is a drop cap but `I am` is not. */
const TWO_LETTER_WORDS = new Set("am as at be by do go if in is it me my no of on or so to up us we".split(" "));
/** Hard-wrapped text shows at least this many paragraphs that break mid-sentence. */
const MIN_WRAPPED_BREAKS = 3;
/** A line that ends a sentence and is shorter than this share of the wrap width ends its paragraph. */
const SHORT_LINE_SHARE = 0.85;

export function parseBody(lines: readonly Line[], roles: LineRoles, options: BodyOptions): BodyText {
  const authors: string[] = [];
  const blocks = keptBlocks(lines, roles, authors);
  const photo = options.takePhoto ? takeInlinePhoto(blocks, roles) : null;

  const first = blocks[0];
  let letter = options.isLetter;
  if (first !== undefined && isSalutation((first[0] as Line).text)) {
    roles.mark(first[0], "salutation");
    // Alone, or the first line of a block of hard-wrapped print text.
    if (first.length === 1) blocks.shift();
    else blocks[0] = first.slice(1);
    letter = true;
  }
  const signed = letter ? signature(blocks) : null;
  authors.push(...(signed?.names ?? []));

  const wrapped = isHardWrapped(blocks);
  const paragraphs = wrapped ? joinWrapped(blocks) : attachDropCapBlock(blocks, roles);
  paragraphs.forEach((paragraph, n) => roles.markAll(paragraph, "body", n + 1));
  const texts = paragraphs.map((paragraph) => paragraph.map((line) => line.text).join(wrapped ? " " : "\n"));
  if (texts[0] !== undefined) texts[0] = reattachDropCap(texts[0]);
  authors.push(...takeStaffSignOffs(texts));
  const subheads = wrapped ? [] : findSubheads(texts);
  for (const n of subheads) roles.markAll(paragraphs[n] ?? [], "subhead");
  if (signed?.line !== undefined) roles.mark(signed.line, "signature");
  return { paragraphs: texts, authors, subheads, photo };
}

export function isSalutation(text: string): boolean {
  return SALUTATION.test(text.trim());
}

/** Blocks without widget lines, reporter taglines and anything from the first footer line on. */
function keptBlocks(lines: readonly Line[], roles: LineRoles, authors: string[]): Block[] {
  const footer = lines.findIndex((line) => line.text.length <= 160 && isFooterStart(line.text));
  if (footer !== -1) roles.markAll(lines.slice(footer), "footer dropped");
  const kept: Line[] = [];
  for (const line of footer === -1 ? lines : lines.slice(0, footer)) {
    const text = line.text.trim();
    const tagline = text === "" ? null : readReporterTagline(text);
    if (tagline !== null) {
      authors.push(...tagline);
      roles.mark(line, "byline");
    } else if (text !== "" && isWidgetLine(text)) {
      roles.mark(line, "chrome dropped");
    } else {
      kept.push(line);
    }
  }
  return toBlocks(kept);
}

/** `Yours sincerely,`: the line above a letter's signature. */
const VALEDICTION = /^(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully|(?:best\s+|kind\s+)?regards)\s*[,.]?$/iu;

/**
 * A letter is signed with a name on the first line of its last block
 * (`Sok Chenda`, `Sok Chenda, Phnom Penh`), under a valediction if any,
 * or on a line of its own ending in a comma.
 */
function signature(blocks: readonly Block[]): { names: string[]; line: Line | undefined } {
  // A name alone with its comma (`Sok Chenda,`) signs the letter even with an affiliation or a reply below it.
  const signed = blocks.findLast((block) => block.length === 1 && /^[^,]+,$/u.test(block[0]?.text.trim() ?? ""));
  const lines = signed ?? blocks.at(-1) ?? [];
  const first = lines[0]?.text.trim() ?? "";
  const line = VALEDICTION.test(first) ? lines[1] : lines[0];
  const name = line?.text.trim().split(",")[0]?.trim() ?? "";
  const isName = name !== "" && name.split(/\s+/u).length <= 5 && isNameList(name);
  return isName ? { names: [name], line } : { names: [], line: undefined };
}

/**
 * 1990s print-archive pages: every printed line its own block. Told by
 * blocks that end mid-sentence and continue in lowercase in the next block.
 */
function isHardWrapped(blocks: readonly Block[]): boolean {
  let breaks = 0;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const end = blocks[i]?.at(-1)?.text.trim() ?? "";
    const start = blocks[i + 1]?.[0]?.text.trim() ?? "";
    if (!CLAUSE_END.test(end) && /^\p{Ll}/u.test(start)) breaks++;
  }
  return breaks >= MIN_WRAPPED_BREAKS && breaks * 5 >= blocks.length;
}

/** Printed lines joined into paragraphs: a paragraph ends with a line that ends a sentence and is clearly short. */
function joinWrapped(blocks: readonly Block[]): Line[][] {
  const lines = blocks.flat();
  const lengths = lines.map((line) => line.text.trim().length).sort((a, b) => a - b);
  const wrapWidth = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    current.push({ ...line, text });
    if (SENTENCE_END.test(text) && text.length < wrapWidth * SHORT_LINE_SHARE) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** A drop cap scraped as a block of its own (`T`, then `his issue…`) joins the next block. */
function attachDropCapBlock(blocks: readonly Block[], roles: LineRoles): Line[][] {
  const [first, second, ...rest] = blocks;
  if (first === undefined || second === undefined) return [...blocks];
  const only = first.length === 1 ? (first[0] as Line).text.trim() : "";
  if (!/^\p{Lu}$/u.test(only)) return [...blocks];
  const [head, ...tail] = second;
  if (head === undefined) return [...blocks];
  roles.mark(first[0], "body", 1);
  return [[{ ...head, text: `${only} ${head.text.trim()}` }, ...tail], ...rest];
}

/**
 * `T his issue` -> `This issue`, `T WO` -> `TWO`, `A n` -> `An`. A capital
 * `A` or `I` is a word of its own, so it joins only a fragment that is not a
 * word (`A n`, `I t`, but not `I am`, `A new` or `A US`).
 */
export function reattachDropCap(text: string): string {
  // The fragment is all lowercase or all capitals: `O Smach` is a place, not a drop cap.
  const match = /^(\p{Lu}) (\p{Ll}+|\p{Lu}+)(?![\p{L}\p{M}])/u.exec(text);
  if (match === null) return text;
  const letter = match[1] ?? "";
  const fragment = match[2] ?? "";
  const joined = `${letter}${fragment}${text.slice(match[0].length)}`;
  if (letter !== "A" && letter !== "I") return joined;
  const isFragment =
    /^\p{Ll}+$/u.test(fragment) &&
    (fragment.length === 1 || (fragment.length === 2 && !TWO_LETTER_WORDS.has(fragment)));
  return isFragment ? joined : text;
}
