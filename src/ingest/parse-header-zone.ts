/**
 * The header zone between the headline and the body: byline, date line and
 * the doubled photo caption, in any order, each optional.
 */
import { finding, type Finding, problemText } from "../problems.ts";
import { type Line, isBlank } from "./lines.ts";
import { type Byline, looksLikeByline, parseByline } from "./parse-byline.ts";
import { type Caption, splitCaptionCredit } from "./parse-caption.ts";
import { parseDateLine } from "./parse-date-line.ts";

export interface HeaderZone {
  byline: Byline | null;
  date: string | null;
  caption: Caption | null;
  /** Index into the given lines where the body starts. */
  bodyStart: number;
  findings: Finding[];
}

export interface HeaderZoneOptions {
  /**
   * True when a repeated headline closes the zone, so every line given is a
   * header line; false when the zone must end at the first line that is not
   * recognisably a header line.
   */
  delimited: boolean;
  timeZone: string;
}

export function parseHeaderZone(lines: readonly Line[], options: HeaderZoneOptions): HeaderZone {
  const zone: HeaderZone = { byline: null, date: null, caption: null, bodyStart: lines.length, findings: [] };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || isBlank(line)) continue;
    const text = line.text.trim();

    const combined = splitBylineAndDate(text, options.timeZone);
    if (combined !== null && zone.byline === null && zone.date === null) {
      zone.byline = parseByline(combined.byline);
      zone.date = combined.date;
      continue;
    }

    // Later date lines (`Updated …`) belong to the header too; the first is the publication date.
    const date = parseDateLine(text, options.timeZone);
    if (date !== null) {
      if (date.kind === "impossible")
        zone.findings.push(finding(line.number, "error", problemText.impossibleDate(text)));
      else zone.date ??= date.iso;
      continue;
    }

    const doubled = zone.caption === null ? doubledCaption(text, lines[i + 1]) : null;
    if (doubled !== null) {
      zone.caption = splitCaptionCredit(doubled);
      i++;
      continue;
    }

    if (zone.byline === null && (looksLikeByline(text) || (options.delimited && isShortLine(text)))) {
      zone.byline = parseByline(text);
      continue;
    }

    if (!options.delimited) {
      zone.bodyStart = i;
      break;
    }
    if (zone.caption === null) {
      zone.caption = splitCaptionCredit(text);
    } else {
      zone.findings.push(finding(line.number, "warning", problemText.unrecognizedHeaderLine(text)));
    }
  }
  return zone;
}

/**
 * The caption is scraped twice in a row: the image's alt text, then its
 * figcaption. The alt text sometimes lacks the credit, so the second line may
 * extend the first; the longer one is the caption.
 */
function doubledCaption(text: string, next: Line | undefined): string | null {
  const second = next?.text.trim();
  if (second === undefined || second === "") return null;
  if (second === text || second.startsWith(`${text} `)) return second;
  return null;
}

/** `Niem Chheng | Publication date 24 April 2019 | 10:19 ICT`: byline and date on one line. */
function splitBylineAndDate(text: string, timeZone: string): { byline: string; date: string } | null {
  for (let bar = text.indexOf("|"); bar !== -1; bar = text.indexOf("|", bar + 1)) {
    const byline = text.slice(0, bar).trim();
    const date = parseDateLine(text.slice(bar + 1), timeZone);
    if (date?.kind === "date" && byline !== "" && looksLikeByline(byline)) return { byline, date: date.iso };
  }
  return null;
}

function isShortLine(text: string): boolean {
  return text.length <= 120 && !/[.?!។]$/u.test(text);
}
