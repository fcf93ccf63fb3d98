/**
 * Photo captions end with a credit after the caption's last sentence:
 * `… in Battambang province. Photo supplied`, `…”. Heng Chivoan`, `… ។ AFP`,
 * `… yesterday. Photo by: Sovan Philong`, `… on Monday. POST PIX`.
 */

export interface Caption {
  caption: string;
  /** Null when nothing after the last sentence reads as a credit. */
  credit: string | null;
}

/** A sentence ends in `.`, `?`, `!`, a closing quote or the Khmer khan `។`. */
const SENTENCE_END = /[.?!”"។]/u;
/** Credits are a name or two and agencies: `Khem Sovannara/AFP`, `Name/Getty Images North America/AFP`. */
const MAX_CREDIT_WORDS = 8;
const MAX_CREDIT_LENGTH = 60;
/** Credits the paper prints with a full stop of their own. */
const STOPPED_CREDIT = /^(?:photo\s+)?(?:supplied|post\s+staff|file)\.$/iu;
/** Agency and stock credits recognised even when no sentence end precedes them. */
const KNOWN_CREDIT_SUFFIX =
  /\s((?:photo\s+)?supplied|(?:\S+\/)?(?:AFP|AP|Reuters|Xinhua|EPA|AFP\/Getty Images)|post\s+(?:staff|pix)|FACEBOOK|FILE)\.?$/iu;
/** `Photo by: Name`, `Photo by Name`, `Photograph: Name`, `Photos: Name`: a labelled credit; the label is not part of it. */
const LABEL = String.raw`(?:photo(?:graph)?s?|pictures?|images?)(?:\s+by\s*:?|\s*:)\s*`;
const CREDIT_LABEL = new RegExp(`^${LABEL}`, "iu");
const LABELLED_CREDIT_SUFFIX = new RegExp(`\\s${LABEL}(\\S.*)$`, "iu");

export function splitCaptionCredit(text: string): Caption {
  // Markup the site's templates left around a caption (`<br />`, `<em>…</em>`) is not its text.
  const caption = text.replace(MARKUP_TAG, " ").trim();
  // Agency style: `… on Monday. (Name / AFP)`.
  const bracketed = BRACKETED_CREDIT.exec(caption);
  if (bracketed !== null && isCreditShaped(bracketed[2] ?? "")) {
    return { caption: (bracketed[1] ?? "").trimEnd(), credit: (bracketed[2] ?? "").trim() };
  }
  const labelled = LABELLED_CREDIT_SUFFIX.exec(caption);
  if (labelled !== null && isCreditShaped(labelled[1] ?? "")) {
    return { caption: caption.slice(0, labelled.index).trimEnd(), credit: (labelled[1] ?? "").trim() };
  }
  const boundary = lastSentenceBoundary(caption);
  if (boundary === -1) {
    const known = KNOWN_CREDIT_SUFFIX.exec(caption);
    if (known === null || known[1] === undefined) return { caption, credit: null };
    return { caption: caption.slice(0, known.index).trimEnd(), credit: caption.slice(known.index).trim() };
  }
  const credit = caption.slice(boundary).trim();
  const isCredit = isCreditShaped(credit) && (!SENTENCE_END.test(credit.slice(-1)) || STOPPED_CREDIT.test(credit));
  return isCredit
    ? { caption: caption.slice(0, boundary).trimEnd(), credit: withoutLabel(credit) }
    : { caption, credit: null };
}

/**
 * A credit standing on a line of its own: `Photo by: Name`, `Photograph: Name`
 * (the label dropped). Null when the line has no credit label.
 */
export function labelledCredit(text: string): string | null {
  const line = text.trim();
  if (!CREDIT_LABEL.test(line)) return null;
  const credit = withoutLabel(line);
  return credit !== "" && isCreditShaped(credit) ? credit : null;
}

function withoutLabel(credit: string): string {
  return credit.replace(CREDIT_LABEL, "").trim();
}

/** Inline HTML tags, with the spaces around them. */
const MARKUP_TAG = /\s*<\/?(?:br|em|strong|i|b|span|p|div|font)\b[^<>]{0,80}>\s*/giu;

/** A credit in brackets after the caption's last sentence. */
const BRACKETED_CREDIT = /^(.*[.?!”"])\s*\(([^()]{2,80})\)$/su;

/** Lowercase words a credit may hold: `Photo supplied`, `Post staff`, `Name via Facebook`. */
const CREDIT_LOWERCASE_WORDS = new Set([
  "supplied",
  "staff",
  "photo",
  "file",
  "pix",
  "via",
  "and",
  "for",
  "the",
  "of",
  "by",
  "de",
  "da",
  "van",
  "von",
  "der",
]);

/**
 * Short, and made of names and agencies: every word capitalised, in a script
 * without case, or one of the few lowercase words credits use (`he said`
 * and `publisher Hen` are no credits).
 */
function isCreditShaped(credit: string): boolean {
  const text = credit.trim();
  const words = text.split(/\s+/u);
  return (
    text !== "" &&
    text.length <= MAX_CREDIT_LENGTH &&
    words.length <= MAX_CREDIT_WORDS &&
    words.every((word) => !/^\p{Ll}/u.test(word) || CREDIT_LOWERCASE_WORDS.has(word.replace(/[.,]$/u, ""))) &&
    !/^\p{Ll}/u.test(text) &&
    !/[()]/u.test(text)
  );
}

/**
 * Index just after the last sentence end that is followed by more text
 * (whitespace after it, or any text after a khan, which Khmer may not space).
 * A closing quote ends a sentence only after a full stop, question or
 * exclamation mark: `internship,"` does not.
 */
function lastSentenceBoundary(text: string): number {
  for (let i = text.length - 2; i >= 0; i--) {
    const char = text[i] ?? "";
    if (!SENTENCE_END.test(char)) continue;
    if (/[”"]/u.test(char) && !/[.?!]/u.test(text[i - 1] ?? "")) continue;
    const next = text[i + 1] ?? "";
    if (/\s/u.test(next) || (char === "។" && next !== "")) return i + 1;
  }
  return -1;
}
