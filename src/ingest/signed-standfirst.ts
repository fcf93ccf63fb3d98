/**
 * Features (about 2012–2016) end their standfirst by naming the writer:
 * `… one has just re-opened. Sok Chea reports.` The block is the
 * standfirst, not the first paragraph, and the names are the authors.
 */
import { nextNonBlank } from "./header-lines.ts";
import type { LineRoles } from "./line-roles.ts";
import { type Line, isBlank } from "./lines.ts";
import { isNameList } from "./parse-byline.ts";

/** The writers and the verb of the closing sentence: `Sok Chea reports.`, `Sok Chea and Kim Ly write.` */
const WRITER_SIGN =
  /(?:^|[.!?]["”’]?\s+)(?<names>[^.!?]{3,80}?)\s+(?:reports?|writes?|explains?|investigates?|finds\s+out|looks\s+back|meets?|visits?)\.$/u;

export interface SignedStandfirst {
  standfirst: string;
  authors: string[];
  /** Index of the line after the standfirst's block, where the body starts. */
  bodyStart: number;
}

/** The standfirst block at `from` if it ends by naming its writers and the story follows it; else null. */
export function readSignedStandfirst(lines: readonly Line[], from: number, roles: LineRoles): SignedStandfirst | null {
  const start = nextNonBlank(lines, from);
  let end = start;
  while (end < lines.length && !isBlank(lines[end] as Line)) end++;
  const bodyStart = nextNonBlank(lines, end);
  const block = lines.slice(start, end);
  const text = block.map((line) => line.text.trim()).join(" ");
  const names = WRITER_SIGN.exec(text)?.groups?.["names"]?.trim();
  if (block.length === 0 || bodyStart >= lines.length || names === undefined || !isNameList(names)) return null;
  const authors = names.split(/\s*,\s*|\s+and\s+/u);
  // A person is named in full (`Police report.` names nobody).
  if (authors.some((name) => name.split(/\s+/u).length < 2)) return null;
  for (const line of block) roles.mark(line, "standfirst");
  return { standfirst: text, authors, bodyStart };
}
