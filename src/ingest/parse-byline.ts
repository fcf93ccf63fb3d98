/**
 * Bylines as the paper prints them: `Keo Ratha | The Phnom Penh Post`,
 * `By Name`, `By Name and Name`, `Name, Name and Name`, `Post Staff`,
 * `Reporter : Name` (the 2010–2013 site), and the Khmer `ដោយ Name` ("by").
 */

export interface Byline {
  /** As printed, without a leading `By `. */
  byline: string;
  authors: string[];
}

const BY_PREFIX = /^\s*(?:(?:(?:written|posted)\s+)?by|ដោយ)\s*[:\s]\s*|^\s*reporters?\s*:\s*/iu;
/** `Photo Essay by …`, `Additional reporting by …`, `Courtesy of …`: a credit that says what the person did, kept in the byline. */
const ROLE_PREFIX =
  /^\s*(?:(?:photo\s+essay|photos?(?:\s+and\s+(?:text|words))?|words(?:\s+and\s+photos?)?|text|story|(?:additional\s+)?reporting)\s+by|courtesy\s+of)\s+/iu;
/** `Name | The Phnom Penh Post`, `Name | Xinhua`: the outlet after the bar is not an author. */
const OUTLET_SUFFIX = /\s*\|\s*[^|]+$/u;
const NAME_SEPARATORS = /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|និង)\s+/iu;
/** One capitalised name word (`Kem`, `O'Neill`, `Jean-Paul`, `Dr.`), or a lowercase particle inside a name. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|van|von|der|bin|binti|al|la|le)$/u;
const SENTENCE_END = /[.?!:;”"។]$/u;
/** Bylines are short; a longer line is a sentence of the body. */
const MAX_BYLINE_LENGTH = 120;
/** `or a short line such as Post Staff`: a few words, no sentence punctuation, no digits. */
const MAX_SHORT_LINE_WORDS = 5;
const MAX_SHORT_LINE_LENGTH = 40;

export function parseByline(text: string): Byline {
  // Runs of white space collapsed first: the patterns below would take quadratic time over a long run.
  const printed = text.trim().replace(/\s+/gu, " ");
  // Credit lines printed one under another, kept as one byline: `Photo Essay by …; Additional reporting by …`.
  const lines = printed.split(/;\s+(?=\p{Lu})/u);
  if (lines.length > 1) {
    const each = lines.map(parseByline);
    return { byline: each.map((line) => line.byline).join("; "), authors: each.flatMap((line) => line.authors) };
  }
  const byline = ROLE_PREFIX.test(printed) ? printed : printed.replace(BY_PREFIX, "");
  const names = byline.replace(ROLE_PREFIX, "").replace(OUTLET_SUFFIX, "").replace(BY_PREFIX, "");
  const authors: string[] = [];
  for (const name of names.split(NAME_SEPARATORS).map((part) => part.trim())) {
    // `Name, Head of Equities, Firm`: after the names, a title and an employer.
    if (authors.length > 0 && name.split(/\s+/u).some((word) => /^[a-z]/u.test(word) && !NAME_WORD.test(word))) break;
    if (name !== "") authors.push(name);
  }
  return { byline, authors };
}

/** `By …`, `Reporter : …`: a line that says it is a byline. */
export function hasBylinePrefix(text: string): boolean {
  return BY_PREFIX.test(text) || ROLE_PREFIX.test(text);
}

/**
 * Whether a header line reads as a byline. Used where the header zone has no
 * repeated headline to end it, so it errs towards "not a byline": a body
 * paragraph must never be swallowed.
 */
export function looksLikeByline(text: string): boolean {
  const line = text.trim();
  if (line === "" || line.length > MAX_BYLINE_LENGTH || SENTENCE_END.test(line) || /\d/.test(line)) return false;
  if (hasBylinePrefix(line)) return true;
  const bar = line.split("|");
  if (bar.length === 2 && bar.every((part) => part.trim() !== "")) return isNameList(bar[0] ?? "");
  if (isNameList(line)) return true;
  return line.length <= MAX_SHORT_LINE_LENGTH && line.split(/\s+/).length <= MAX_SHORT_LINE_WORDS;
}

/** `Name`, `Name and Name`, `Name, Name`: capitalised name words only. */
export function isNameList(text: string): boolean {
  if (text.length > MAX_BYLINE_LENGTH) return false;
  const names = text.split(NAME_SEPARATORS).map((name) => name.trim());
  return names.every((name) => {
    const words = name.split(/\s+/);
    return name !== "" && words.length <= 5 && words.every((word) => NAME_WORD.test(word));
  });
}
