/** Dates as the paper prints them: `24 April 2019 | 10:19 ICT`, `26 August 2016`, or `Undated`. */
import { DateTime } from "luxon";

/** Offsets the paper names by abbreviation. */
const ZONE_NAMES: ReadonlyMap<number, string> = new Map([
  [420, "ICT"],
  [0, "UTC"],
]);

export function displayDate(iso: string | null): string {
  if (iso === null) return "Undated";
  if (!iso.includes("T")) return DateTime.fromISO(iso, { zone: "UTC" }).setLocale("en-GB").toFormat("d MMMM yyyy");
  const time = DateTime.fromISO(iso, { setZone: true }).setLocale("en-GB");
  const zone = ZONE_NAMES.get(time.offset) ?? time.toFormat("ZZ");
  return `${time.toFormat("d MMMM yyyy | HH:mm")} ${zone}`;
}
