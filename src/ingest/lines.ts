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
