/**
 * Standfirsts the header did not show, read at the top of the body: one
 * that ends by naming the writer (`… one has just re-opened. Sok Chea
 * reports.`, features of about 2012–2016), whose names are authors; and a
 * line of summary without a final stop above the story's first paragraph.
 */
import { nextNonBlank } from "./header-lines.ts";
import { ENDS_SENTENCE, blockAt, joined, opensInCapitals } from "./lede-caption.ts";
import type { LineRoles } from "./line-roles.ts";
import type { Line } from "./lines.ts";
import { isNameList } from "./parse-byline.ts";

/** The writers and the verb of the closing sentence: `Sok Chea reports.`, `Sok Chea and Kim Ly write.` */
const WRITER_SIGN =
  /(?:^|[.!?]["”’]?\s+)(?<names>[^.!?]{3,80}?)\s+(?:reports?|writes?|explains?|investigates?|finds\s+out|looks\s+back|meets?|visits?)\.$/u;

export interface BodyStandfirst {
  standfirst: string;
  authors: string[];
  /** Index of the line after the standfirst's block, where the body starts. */
  bodyStart: number;
}

/** A line of summary without a stop is one sentence's length: a longer one is a lede that lost its stop. */
const MIN_UNSTOPPED_WORDS = 8;
const MAX_UNSTOPPED_WORDS = 45;

/** The standfirst at the top of the body at `from`, with its roles marked; null when the body starts there. */
export function readBodyStandfirst(lines: readonly Line[], from: number, roles: LineRoles): BodyStandfirst | null {
  const { block, next: bodyStart } = blockAt(lines, nextNonBlank(lines, from));
  const text = joined(block);
  const found =
    block.length === 0 || bodyStart >= lines.length ? null : (signed(text) ?? unstopped(text, lines[bodyStart]));
  if (found === null) return null;
  for (const line of block) roles.mark(line, "standfirst");
  return { standfirst: text, authors: found.authors, bodyStart };
}

/** A block ending by naming its writers: their names. */
function signed(text: string): { authors: string[] } | null {
  const names = WRITER_SIGN.exec(text)?.groups?.["names"]?.trim();
  if (names === undefined || !isNameList(names)) return null;
  const authors = names.split(/\s*,\s*|\s+and\s+/u);
  // A person is named in full (`Police report.` names nobody).
  return authors.some((name) => name.split(/\s+/u).length < 2) ? null : { authors };
}

/**
 * One line of summary without a final stop, above a paragraph that opens in
 * capitals and ends its sentence (not above a list, nor a wrapped line).
 */
function unstopped(text: string, next: Line | undefined): { authors: string[] } | null {
  const words = text.split(/\s+/u).length;
  const after = next?.text.trim() ?? "";
  if (words < MIN_UNSTOPPED_WORDS || words > MAX_UNSTOPPED_WORDS || /[.!?:;,"”’)…]$/u.test(text)) return null;
  // A lede in capitals (`OFFICIALS said`, a drop cap `T WO`) may lack its stop: it is the story.
  if (!/^\p{Lu}/u.test(text) || opensInCapitals(text) || !/^[\p{Lu}"“‘]/u.test(after) || !ENDS_SENTENCE.test(after))
    return null;
  return { authors: [] };
}
