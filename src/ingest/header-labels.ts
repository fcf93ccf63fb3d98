/**
 * Header lines that label the story rather than tell it: date lines (one
 * line, or `Publication date` above the date), a byline sharing its line with
 * the date, a print issue's line (`Vol. 7, No. 8`) and a kicker.
 */
import { finding, problemText } from "../model/problems.ts";
import { isDateLabel, nextNonBlank } from "./header-lines.ts";
import { issueLineDates } from "./kicker.ts";
import type { Line } from "./lines.ts";
import { parseByline } from "./parse-byline.ts";
import { type DateLine, parseDateLine } from "./parse-date-line.ts";
import type { HeaderFields, HeaderZoneContext } from "./parse-header-zone.ts";
import { splitBylineAndDate } from "./split-byline-date.ts";

/** Reads the label line at `i` into `fields`: the index of its last line, or -1 when it is none. */
export function readLabelLine(
  lines: readonly Line[],
  i: number,
  fields: HeaderFields,
  context: HeaderZoneContext,
): number {
  const { roles, timeZone } = context;
  const line = lines[i] as Line;
  const text = line.text.trim();
  const nextIndex = nextNonBlank(lines, i + 1);
  const next = lines[nextIndex];
  const labelledDate = isDateLabel(text) && next !== undefined ? parseDateLine(next.text, timeZone) : null;
  if (labelledDate !== null && next !== undefined) {
    readDate(fields, labelledDate, next, `${text} ${next.text.trim()}`);
    roles.mark(line, "date");
    roles.mark(next, "date");
    return nextIndex;
  }
  const combined = splitBylineAndDate(text, timeZone);
  if (combined !== null && fields.byline === null && fields.date === null) {
    fields.byline = parseByline(combined.byline);
    fields.date = combined.date;
    roles.mark(line, "byline");
    return i;
  }
  const issueDates = issueLineDates(text);
  const date = parseDateLine(issueDates ?? text, timeZone);
  if (date !== null) readDate(fields, date, line, text);
  if (date !== null || issueDates !== null) {
    roles.mark(line, issueDates === null ? "date" : "print issue");
    return i;
  }
  if (fields.kicker === null && context.isKicker(text)) {
    fields.kicker = text;
    roles.mark(line, "kicker");
    return i;
  }
  return -1;
}

function readDate(fields: HeaderFields, date: DateLine, line: Line, printed: string): void {
  if (date.kind === "impossible")
    fields.findings.push(finding(line.number, "error", problemText.impossibleDate(printed)));
  // Later date lines (`Updated …`) belong to the header too; the first is the publication date.
  else fields.date ??= date.iso;
}
