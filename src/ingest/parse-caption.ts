/**
 * Photo captions end with a credit after the caption's last sentence:
 * `… in Battambang province. Photo supplied`, `…”. Heng Chivoan`, `… ។ AFP`.
 */

export interface Caption {
  caption: string;
  /** Null when nothing after the last sentence reads as a credit. */
  credit: string | null;
}

/** A sentence ends in `.`, `?`, `!`, a closing quote or the Khmer khan `។`. */
const SENTENCE_END = /[.?!”"។]/u;
/** Credits are a name or two and an agency: `Khem Sovannara/AFP`, `Photo supplied`. */
const MAX_CREDIT_WORDS = 8;
const MAX_CREDIT_LENGTH = 60;
/** Credits the paper prints with a full stop of their own. */
const STOPPED_CREDIT = /^(?:photo\s+)?(?:supplied|post\s+staff|file)\.$/iu;
/** Agency and stock credits recognised even when no sentence end precedes them. */
const KNOWN_CREDIT_SUFFIX =
  /\s((?:photo\s+)?supplied|(?:\S+\/)?(?:AFP|AP|Reuters|Xinhua|EPA|AFP\/Getty Images)|post\s+staff)\.?$/iu;

export function splitCaptionCredit(text: string): Caption {
  const caption = text.trim();
  const boundary = lastSentenceBoundary(caption);
  if (boundary === -1) {
    const known = KNOWN_CREDIT_SUFFIX.exec(caption);
    if (known === null || known[1] === undefined) return { caption, credit: null };
    return { caption: caption.slice(0, known.index).trimEnd(), credit: caption.slice(known.index).trim() };
  }
  const credit = caption.slice(boundary).trim();
  const isCredit =
    credit.length <= MAX_CREDIT_LENGTH &&
    credit.split(/\s+/).length <= MAX_CREDIT_WORDS &&
    (!SENTENCE_END.test(credit.slice(-1)) || STOPPED_CREDIT.test(credit));
  return isCredit ? { caption: caption.slice(0, boundary).trimEnd(), credit } : { caption, credit: null };
}

/**
 * Index just after the last sentence end that is followed by more text
 * (whitespace after it, or any text after a khan, which Khmer may not space).
 */
function lastSentenceBoundary(text: string): number {
  for (let i = text.length - 2; i >= 0; i--) {
    const char = text[i] ?? "";
    if (!SENTENCE_END.test(char)) continue;
    const next = text[i + 1] ?? "";
    if (/\s/u.test(next) || (char === "។" && next !== "")) return i + 1;
  }
  return -1;
}
