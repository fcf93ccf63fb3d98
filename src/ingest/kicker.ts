/**
 * Lines above a story that are neither headline nor text: a kicker, the
 * label over the headline (`THIS WEEK IN HISTORY`, `AFF SUZUKI CUP`, or a
 * topic taken from the headline's own words, `Film Festival`), and a print
 * edition's issue line (`Vol. 7, No. 8`, maybe followed by its dates).
 */

import { words as wordsOf } from "./header-lines.ts";
import { isSalutation } from "./parse-body.ts";

/** A kicker is a label of a few words, never a sentence. */
const MIN_KICKER_WORDS = 2;
const MAX_KICKER_WORDS = 5;

/** `Vol. 7, No. 8`, `Volume 3 Number 12, March 7 - 20, 1997`: what follows the numbers is the issue's dates. */
const ISSUE_LINE = /^vol(?:ume)?\.?\s*\d+\s*,?\s*(?:no|number|issue)\.?\s*\d+\s*[,;:|–-]?\s*(?<dates>.*)$/iu;

/** Whether a line is a kicker of a story with one of these headlines. */
export function kickerMatcher(headlines: readonly string[]): (text: string) => boolean {
  const headlineWords = new Set(headlines.flatMap(wordsOf));
  return (text) => {
    const line = text.trim();
    const words = wordsOf(line);
    if (words.length < MIN_KICKER_WORDS || words.length > MAX_KICKER_WORDS || /[.?!,:;]$/u.test(line)) return false;
    // A letter's salutation may repeat its headline (`Letter: Dear Editor`): it opens the letter.
    if (isSalutation(line)) return false;
    // All in capitals (a lede in capitals goes on in lowercase), or every word the headline's.
    return (!/\p{Ll}/u.test(line) && /\p{Lu}{2}/u.test(line)) || words.every((word) => headlineWords.has(word));
  };
}

/** The dates printed after an issue line's numbers (`` when none); null when `text` is not an issue line. */
export function issueLineDates(text: string): string | null {
  return ISSUE_LINE.exec(text.trim())?.groups?.["dates"] ?? null;
}
