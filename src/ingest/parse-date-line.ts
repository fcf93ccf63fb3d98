/**
 * Date lines of the scraped header zone, e.g. `Publication date 24 April 2019 | 10:19 | ICT`
 * (current site) or `Fri, 26 August 2016` (older pages).
 */
import { DateTime, Info } from "luxon";

export type DateLine =
  | { kind: "date"; iso: string }
  /** Shaped like a date line but naming a day that does not exist. */
  | { kind: "impossible" };

const MONTHS: ReadonlyMap<string, number> = new Map([
  ...Info.months("long", { locale: "en" }).map((name, i): [string, number] => [name.toLowerCase(), i + 1]),
  ...Info.months("short", { locale: "en" }).map((name, i): [string, number] => [name.toLowerCase(), i + 1]),
  ["sept", 9],
]);

/** Offsets for the zone abbreviations the paper prints. */
const ZONES: ReadonlyMap<string, string> = new Map([
  ["ict", "UTC+7"],
  ["utc", "UTC"],
  ["gmt", "UTC"],
]);

const PREFIX = String.raw`(?:(?:publication\s+date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|date)\s*:?\s*)?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const DAY_MONTH_YEAR = String.raw`(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?<m1>[a-z]+)\.?,?\s+(?<y1>\d{4})`;
const MONTH_DAY_YEAR = String.raw`(?<m2>[a-z]+)\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>\d{4})`;
const ISO_DAY = String.raw`(?<y3>\d{4})-(?<m3>\d{2})-(?<d3>\d{2})`;
const TIME = String.raw`(?:\s*(?:\||,|at|-|–)?\s*(?<hour>\d{1,2})[:.](?<minute>\d{2})\s*(?<ampm>am|pm|a\.m\.|p\.m\.)?)?`;
const ZONE = String.raw`(?:\s*\|?\s*(?<zone>ict|utc|gmt|(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?))?`;

/** A print issue's period, `April 24 to May 7 1998`, `24 April - 7 May, 1998`, `March 7 - 20, 1997`: dated by its first day. */
const ISSUE_PERIOD = new RegExp(
  String.raw`^\s*(?:(?<m1>[a-z]+)\.?\s+(?<d1>\d{1,2})|(?<d2>\d{1,2})\s+(?<m2>[a-z]+)\.?)\s*(?:to|-|–)\s*(?:(?<m3>[a-z]+)\.?\s+\d{1,2}|\d{1,2}(?:\s+(?<m4>[a-z]+)\.?)?),?\s+(?<y>\d{4})\s*$`,
  "iu",
);

const DATE_LINE = new RegExp(
  String.raw`^\s*${PREFIX}${WEEKDAY}(?:${DAY_MONTH_YEAR}|${MONTH_DAY_YEAR}|${ISO_DAY})${TIME}${ZONE}\s*$`,
  "iu",
);

/**
 * Parses a header line as a publication date. Times without a printed zone are
 * read in `timeZone` (the site's, Asia/Phnom_Penh by default).
 */
export function parseDateLine(text: string, timeZone: string): DateLine | null {
  const g = DATE_LINE.exec(text)?.groups;
  if (g === undefined) return parseIssuePeriod(text);
  const monthText = (g["m1"] ?? g["m2"] ?? g["m3"] ?? "").toLowerCase();
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS.get(monthText);
  if (month === undefined) return null;
  const year = Number(g["y1"] ?? g["y2"] ?? g["y3"]);
  const day = Number(g["d1"] ?? g["d2"] ?? g["d3"]);

  if (g["hour"] === undefined) {
    const date = DateTime.fromObject({ year, month, day }, { zone: "UTC" });
    return date.isValid ? { kind: "date", iso: date.toISODate() ?? "" } : { kind: "impossible" };
  }
  const hour = to24Hour(Number(g["hour"]), g["ampm"]);
  if (hour === null) return { kind: "impossible" };
  const zone = zoneName(g["zone"], timeZone);
  const time = DateTime.fromObject({ year, month, day, hour, minute: Number(g["minute"]) }, { zone });
  if (!time.isValid) return { kind: "impossible" };
  return { kind: "date", iso: time.toISO({ suppressMilliseconds: true }) ?? "" };
}

function parseIssuePeriod(text: string): DateLine | null {
  const g = ISSUE_PERIOD.exec(text)?.groups;
  const month = MONTHS.get((g?.["m1"] ?? g?.["m2"] ?? "").toLowerCase());
  if (g === undefined || month === undefined) return null;
  const endMonth = MONTHS.get((g["m3"] ?? g["m4"] ?? "").toLowerCase()) ?? month;
  // The year printed is the last day's: a period from December into January starts the year before.
  const year = Number(g["y"]) - (endMonth < month ? 1 : 0);
  const date = DateTime.fromObject({ year, month, day: Number(g["d1"] ?? g["d2"]) }, { zone: "UTC" });
  return date.isValid ? { kind: "date", iso: date.toISODate() ?? "" } : { kind: "impossible" };
}

function to24Hour(hour: number, ampm: string | undefined): number | null {
  if (ampm === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = ampm.toLowerCase().startsWith("p");
  return (hour % 12) + (pm ? 12 : 0);
}

function zoneName(printed: string | undefined, fallback: string): string {
  if (printed === undefined) return fallback;
  const lower = printed.toLowerCase();
  const named = ZONES.get(lower);
  if (named !== undefined) return named;
  const offset = /([+-])(\d{1,2}):?(\d{2})?$/.exec(lower);
  if (offset === null) return fallback;
  const minutes = offset[3] === undefined || offset[3] === "00" ? "" : `:${offset[3]}`;
  return `UTC${offset[1]}${Number(offset[2])}${minutes}`;
}

/**
 * Normalises an ISO 8601 date from front matter: `2019-04-24` stays a day,
 * a time without offset is read in `timeZone`, and every time gets seconds and
 * an explicit offset. Null when it is not a date that exists.
 */
export function parseIsoDate(text: string, timeZone: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const day = DateTime.fromISO(trimmed, { zone: "UTC" });
    return day.isValid ? trimmed : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(trimmed)) return null;
  const time = DateTime.fromISO(trimmed.replace(" ", "T"), { zone: timeZone, setZone: true });
  return time.isValid ? time.toISO({ suppressMilliseconds: true }) : null;
}
