/** Seed text as numbered lines, and the blank-line-separated blocks they form. */

export interface Line {
  /** The line's text without its line ending. */
  text: string;
  /** 1-based line number in the seed file. */
  number: number;
}

/** Consecutive non-blank lines. */
export type Block = Line[];

/** Strips a UTF-8 BOM and turns CRLF and lone CR line endings into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/**
 * Code points HTML and XML cannot carry: C0/C1 controls other than tab and
 * line breaks, non-characters, and lone surrogates (which decoded UTF-8
 * never holds, but a YAML `"\uD800"` escape does).
 */
const UNREPRESENTABLE = /[^\P{Cc}\t\n\r]|\p{Noncharacter_Code_Point}|\p{Cs}/gu;

export interface Replaced {
  text: string;
  count: number;
  /** 1-based line of the first replacement, or null. */
  firstLine: number | null;
}

/** Replaces unrepresentable code points with U+FFFD, the Unicode replacement character. */
export function replaceUnrepresentable(text: string): Replaced {
  let count = 0;
  let first = -1;
  const replaced = text.replace(UNREPRESENTABLE, (_, offset: number) => {
    if (count++ === 0) first = offset;
    return "\uFFFD";
  });
  return { text: replaced, count, firstLine: first === -1 ? null : text.slice(0, first).split("\n").length };
}

export function splitLines(text: string, firstNumber = 1): Line[] {
  return text.split("\n").map((lineText, i) => ({ text: lineText, number: firstNumber + i }));
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === "";
}

export function toBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block = [];
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
