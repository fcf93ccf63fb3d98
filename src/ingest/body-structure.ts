/**
 * Structure inside a scraped body: subheads between paragraphs, the
 * paper's staff sign-off glued to a paragraph's end, and a photo printed
 * between paragraphs.
 */
import { isBareName } from "./header-lines.ts";
import type { LineRoles } from "./line-roles.ts";
import type { Block } from "./lines.ts";
import { type Caption, labelledCredit } from "./parse-caption.ts";

/**
 * Takes the first photo printed between paragraphs out of `blocks`: a block
 * whose first line is its label (`Photo by: Name`) and whose next lines are
 * its caption (print-era pages, about 2008–2011, placed photos mid-story).
 */
export function takeInlinePhoto(blocks: Block[], roles: LineRoles): Caption | null {
  const at = blocks.findIndex((block, n) => n > 0 && block.length > 1 && labelledCredit(block[0]?.text ?? "") !== null);
  const block = blocks[at];
  if (block === undefined) return null;
  const [label, ...rest] = block;
  blocks.splice(at, 1);
  roles.mark(label, "credit");
  roles.markAll(rest, "caption");
  return { caption: rest.map((line) => line.text.trim()).join(" "), credit: labelledCredit(label?.text ?? "") };
}

/** The paper's staff credit after a paragraph's last sentence: `Post Staff`, `Post Reporters`. */
const STAFF_SIGN_OFF = /^([\s\S]*[.!?”"])[ \t]+(Post\s+(?:Staff|Reporters?|Staff\s+Reporters?))$/u;

/** Indices of the subheads among `texts`. */
export function findSubheads(texts: readonly string[]): number[] {
  return texts.flatMap((_, n) => (isSubhead(texts, n) ? [n] : []));
}

/** Takes a staff sign-off (`… pricing. Post Staff`) off each paragraph of `texts`; returns the credits. */
export function takeStaffSignOffs(texts: string[]): string[] {
  const credits: string[] = [];
  texts.forEach((text, n) => {
    const found = STAFF_SIGN_OFF.exec(text);
    if (found === null) return;
    texts[n] = (found[1] ?? "").trimEnd();
    credits.push((found[2] ?? "").trim());
  });
  return credits;
}

/** A subhead is a few words; a longer line is a paragraph. */
const MAX_SUBHEAD_WORDS = 8;

/**
 * A subhead: one short line between two paragraphs, without a final stop
 * or any punctuation that would make it a sentence, a label or a quote,
 * under a paragraph that ended its sentence (not a wrapped line of it).
 */
function isSubhead(texts: readonly string[], n: number): boolean {
  const text = texts[n] ?? "";
  const before = texts[n - 1];
  const after = texts[n + 1];
  if (n === 0 || before === undefined || after === undefined || text.includes("\n")) return false;
  const words = text.split(/\s+/u);
  return (
    words.length <= MAX_SUBHEAD_WORDS &&
    // Two words at least (not a number, a date or a name alone), and not a name, a credit or two sentences.
    words.filter((word) => /\p{L}{2}/u.test(word)).length >= 2 &&
    !isBareName(text) &&
    labelledCredit(text) === null &&
    !/[.!?]\s/u.test(text) &&
    /^[\p{Lu}\d]/u.test(text) &&
    !/[.!?:;,"“”'’)\]…-]$/u.test(text) &&
    /[.!?"”'’)]$/u.test(before.trimEnd()) &&
    /^[\p{Lu}\d"“‘]/u.test(after)
  );
}
