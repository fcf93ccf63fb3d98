/**
 * Header lines that are neither byline, date nor caption: a standfirst
 * under the headline, a caption printed once without credit, or chrome.
 */
import { finding, problemText } from "../model/problems.ts";
import { isAltPlaceholder, isCaptionCopy, isDateLabel, isSentenceLike, nextNonBlank } from "./header-lines.ts";
import { opensInCapitals } from "./lede-caption.ts";
import type { LineRoles } from "./line-roles.ts";
import type { Line } from "./lines.ts";
import { hasBylinePrefix, looksLikeByline } from "./parse-byline.ts";
import { labelledCredit, splitCaptionCredit } from "./parse-caption.ts";
import { parseDateLine } from "./parse-date-line.ts";
import type { HeaderFields, HeaderZoneContext } from "./parse-header-zone.ts";

/** Up to how many blocks a standfirst may run before the header line that shows it is one. */
const MAX_STANDFIRST_BLOCKS = 3;

/**
 * In an open zone, text blocks directly under the headline are its
 * standfirst when a header line (date, byline, caption) follows them: the
 * index of that header line, or -1 when the text is the body.
 */
export function standfirstEnd(lines: readonly Line[], i: number, context: HeaderZoneContext): number {
  let j = i;
  for (let blocks = 0; blocks < MAX_STANDFIRST_BLOCKS; blocks++) {
    j = nextNonBlank(lines, j + 1);
    const line = lines[j];
    if (line === undefined) return -1;
    const text = line.text.trim();
    const after = lines[nextNonBlank(lines, j + 1)];
    if (
      isDateLabel(text) ||
      parseDateLine(text, context.timeZone)?.kind === "date" ||
      (hasBylinePrefix(text) && looksLikeByline(text)) ||
      isAltPlaceholder(text) ||
      labelledCredit(text) !== null ||
      (after !== undefined && isCaptionCopy(text, after.text))
    )
      return j;
    // A lede in capitals starts the story: the header ended above it.
    if (!isSentenceLike(text) || opensInCapitals(text)) return -1;
  }
  return -1;
}

/**
 * Lines of a delimited zone that nothing recognised. With no caption found,
 * the last one after the byline and date lines is the caption (a single copy
 * without credit); text above the byline and date, or before the caption,
 * is the standfirst; anything after the caption is reported.
 */
export function assignUnrecognized(
  lines: readonly Line[],
  unrecognized: number[],
  fields: HeaderFields,
  pendingCredit: string | null,
  roles: LineRoles,
): void {
  let captionIndex = lines.findIndex((line) => roles.roleOf(line) === "caption");
  if (fields.caption === null) {
    const firstMeta = lines.findIndex((line) => roles.roleOf(line) === "date" || roles.roleOf(line) === "byline");
    const last = unrecognized.at(-1);
    const previous = unrecognized.at(-2);
    const continues =
      last !== undefined && previous !== undefined && continuesText(lines[previous] as Line, lines[last] as Line);
    if (last !== undefined && last > firstMeta && !continues) {
      unrecognized.pop();
      const line = lines[last] as Line;
      fields.caption = splitCaptionCredit(line.text);
      fields.caption.credit ??= pendingCredit;
      roles.mark(line, "caption");
      captionIndex = last;
    }
  }
  for (const index of unrecognized) {
    const line = lines[index] as Line;
    if (captionIndex === -1 || index < captionIndex) {
      fields.standfirst.push(line.text.trim());
      roles.mark(line, "standfirst");
    } else {
      fields.findings.push(finding(line.number, "warning", problemText.unrecognizedHeaderLine(line.text.trim())));
      roles.mark(line, "chrome dropped");
    }
  }
}

/** Whether `second` carries on the sentence `first` left open (it starts in lowercase after no full stop). */
function continuesText(first: Line, second: Line): boolean {
  return !/[.?!។”"]$/u.test(first.text.trim()) && /^\p{Ll}/u.test(second.text.trim());
}
