/** Short plain-text excerpts for teasers and meta descriptions. */

import { wordSegments } from "../model/khmer-words.js";

/**
 * Characters past a space whose word boundaries ICU decides from at most two
 * characters back and without a dictionary: Latin and common script, no
 * combining marks or format characters (which attach to what precedes them).
 */
const LOCAL_BOUNDARIES = /^[\p{Script=Latin}\p{Script=Common}]*$/u;
const ATTACHING = /[\p{M}\p{Cf}]/u;
/** How far before the cut the segmenting starts, when it may start late. */
const WINDOW = 40;

/**
 * `text` cut to at most `max` characters at a word boundary (Khmer included),
 * with `…` when anything was cut. Line breaks become spaces.
 */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  if (flat.length <= max) return flat;
  // Only the start can matter; segmenting a whole 5 MB paragraph would not.
  const head = flat.slice(0, max + 1);
  const from = windowStart(head, max);
  let end = 0;
  for (const { index, segment } of wordSegments(head.slice(from))) {
    if (from + index + segment.length > max - 1) break;
    end = from + index + segment.length;
  }
  return `${flat.slice(0, end || max - 1).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/**
 * Where segmenting `head` may start and still find the same last boundary
 * before `max`: at a space some way before the cut when the text from there
 * has only characters whose boundaries depend on their near neighbours (the
 * space is one, and itself a boundary); else at 0. Segmenting 40 characters
 * instead of 200 for each of 20,000 teasers and descriptions saves most of
 * their cost.
 */
function windowStart(head: string, max: number): number {
  const space = head.lastIndexOf(" ", max - WINDOW);
  if (space <= 0) return 0;
  const tail = head.slice(space);
  return LOCAL_BOUNDARIES.test(tail) && !ATTACHING.test(tail) ? space : 0;
}
