/** Word count of article text, script-aware so Khmer (written without spaces) counts right, and whether a scraped text was cut. */
import { wordSegments } from "../model/khmer-words.js";
import { isSpaceCode } from "./char-classes.ts";
import { isNameList } from "./parse-byline.ts";

const KHMER = /\p{Script=Khmer}/u;
const KHMER_RUN_LENGTH = 500;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whitespace-separated tokens with a letter or digit, read code unit by
 * code unit (the same count as splitting on `\s+` and testing each token).
 */
function countSpacedWords(text: string): number {
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) counted = false;
    else if (!counted && isLetterOrDigit(text, i, code)) {
      count++;
      counted = true;
    }
  }
  return count;
}

function isLetterOrDigit(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

/**
 * Words as a reader counts them: spaced tokens with a letter or digit
 * (`CNRP-led` is one word), and dictionary words inside Khmer runs.
 */
export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) {
    if (!KHMER.test(paragraph)) {
      count += countSpacedWords(paragraph);
      continue;
    }
    // Neighbouring Khmer tokens are segmented together, a few hundred characters at a time: one
    // segmenter call per token costs far more, and one call over a very long run more still.
    let khmerRun: string[] = [];
    let runLength = 0;
    const countKhmerRun = (): void => {
      if (khmerRun.length === 0) return;
      for (const segment of wordSegments(khmerRun.join(" "))) if (segment.isWordLike === true) count++;
      khmerRun = [];
      runLength = 0;
    };
    for (const token of paragraph.split(/\s+/u)) {
      if (KHMER.test(token)) {
        // ICU's dictionary breaking slows down more than linearly on long runs: a very long
        // token is counted in pieces (a word cut at a piece's edge may count twice).
        for (let start = 0; start < token.length; start += KHMER_RUN_LENGTH) {
          const piece = token.slice(start, start + KHMER_RUN_LENGTH);
          khmerRun.push(piece);
          runLength += piece.length + 1;
          if (runLength >= KHMER_RUN_LENGTH) countKhmerRun();
        }
        continue;
      }
      countKhmerRun();
      if (/[\p{L}\p{N}]/u.test(token)) count++;
    }
    countKhmerRun();
  }
  return count;
}

/**
 * Whether a scraped text's last paragraph stops mid-sentence: prose without a closing
 * stop, question or exclamation mark, ellipsis or Khmer full stop, maybe
 * inside quotes or brackets (`…earmarked for Germa`).
 */
export function endsMidSentence(paragraph: string): boolean {
  const text = (paragraph.trimEnd().split("\n").at(-1) ?? "").trim();
  // A signature, a place, a name or a list item ends without a stop too: a cut paragraph is a run of prose.
  const words = text.replace(/[,;]$/u, "").split(/\s+/u);
  if (words.length < 2 || /^(?:[-–•*·]|\d+[.)])\s*/u.test(text) || isNameList(words.join(" "))) return false;
  return !/[.?!…។៕:]["”’')\]»]*$/u.test(text);
}
