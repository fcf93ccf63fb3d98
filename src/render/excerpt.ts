/** Short plain-text excerpts for teasers and meta descriptions. */

import { wordSegments } from "../../public/khmer-words.js";

/**
 * `text` cut to at most `max` characters at a word boundary (Khmer included),
 * with `…` when anything was cut. Line breaks become spaces.
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length <= max) return flat;
  let end = 0;
  // Only the start can matter; segmenting a whole 5 MB paragraph would not.
  for (const { index, segment } of wordSegments(flat.slice(0, max + 1))) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${flat.slice(0, end || max - 1).replace(/[\s,;:.–—-]+$/u, "")}…`;
}
