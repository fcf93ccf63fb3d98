/** The photo caption of a header zone: its copies, alt text and credit. */
import { isBareName, isCaptionCopy, isSentenceLike, nextNonBlank, sameBlockNext } from "./header-lines.ts";
import { ENDS_SENTENCE, opensInCapitals } from "./lede-caption.ts";
import type { LineRoles } from "./line-roles.ts";
import type { Line } from "./lines.ts";
import { type Caption, labelledCredit, splitCaptionCredit } from "./parse-caption.ts";
import type { HeaderFields } from "./parse-header-zone.ts";

/**
 * The caption starting at `i`: two copies (alt text and caption, adjacent or
 * with a blank line between), or one line that is due to be a caption, has a
 * credit, or has a credit line beside it. Null when `i` is not a caption;
 * else the caption and the index of its last line.
 */
export function readCaption(
  lines: readonly Line[],
  i: number,
  how: { forced: boolean; open: boolean },
  roles: LineRoles,
): { caption: Caption; last: number } | null {
  const line = lines[i] as Line;
  const text = line.text.trim();
  const nextIndex = nextNonBlank(lines, i + 1);
  const next = lines[nextIndex];
  let caption: Caption;
  let last = i;
  if (next !== undefined && isCaptionCopy(text, next.text)) {
    caption = splitCaptionCredit(next.text);
    roles.mark(line, next.text.trim() === text ? "caption" : "alt text dropped");
    roles.mark(next, "caption");
    last = nextIndex;
  } else {
    caption = splitCaptionCredit(text);
    // In an open zone a caption must leave a body after it: a lone paragraph is the body.
    const credited = caption.credit !== null && isSentenceLike(text) && (!how.open || nextIndex < lines.length);
    if (!how.forced && !credited && creditBeside(lines, i) === null) return null;
    roles.mark(line, "caption");
  }
  const credit = creditBeside(lines, last);
  if (credit !== null) {
    caption.credit ??= credit;
    roles.mark(lines[last + 1], "credit");
    last += 1;
  }
  return { caption, last };
}

/** `Photo by: Name` or a bare name on the line right under `i`, in the same block. */
function creditBeside(lines: readonly Line[], i: number): string | null {
  const beside = sameBlockNext(lines, i);
  if (beside === undefined) return null;
  return labelledCredit(beside.text) ?? (isBareName(beside.text) ? beside.text.trim() : null);
}

/**
 * Why a line due to be a caption (under a photo label or image junk) is not
 * one: it is the lede, opening in capitals; or it has no stop and stands
 * above such a lede, a standfirst. Null when it may be the caption.
 */
export function dueButNotCaption(lines: readonly Line[], i: number): "lede" | "standfirst" | null {
  const text = (lines[i] as Line).text.trim();
  if (opensInCapitals(text)) return "lede";
  const next = lines[nextNonBlank(lines, i + 1)];
  const credited = splitCaptionCredit(text).credit !== null;
  return !credited && !ENDS_SENTENCE.test(text) && next !== undefined && opensInCapitals(next.text)
    ? "standfirst"
    : null;
}

/**
 * With the lede under the photo label, the label credits the caption printed
 * above it, read so far as the standfirst.
 */
export function captionAbove(
  lines: readonly Line[],
  fields: HeaderFields,
  credit: string | null,
  roles: LineRoles,
): void {
  if (credit === null || fields.standfirst.length !== 1) return;
  fields.caption = { caption: fields.standfirst.pop() as string, credit };
  roles.markAll(
    lines.filter((line) => roles.roleOf(line) === "standfirst"),
    "caption",
  );
}
