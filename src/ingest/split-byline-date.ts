import { isNameList, looksLikeByline } from "./parse-byline.ts";
import { parseDateLine } from "./parse-date-line.ts";

/** A byline and a date fit in this many characters; longer lines are text, and are not searched for either. */
const MAX_BYLINE_AND_DATE_LENGTH = 240;
/** Most words a byline after a date may have: `Cameron Wells and Phak Seangly`. */
const MAX_TRAILING_BYLINE_WORDS = 8;

/**
 * Byline and date on one line: `Keo Ratha | Publication date 24 April 2019 | 10:19 ICT`,
 * or the date first and the names after it, as the 2008–2011 site printed them:
 * `Wednesday, 24 March 2010 15:04 Cameron Wells and Phak Seangly`.
 */
export function splitBylineAndDate(text: string, timeZone: string): { byline: string; date: string } | null {
  if (text.length > MAX_BYLINE_AND_DATE_LENGTH) return null;
  for (let bar = text.indexOf("|"); bar !== -1; bar = text.indexOf("|", bar + 1)) {
    const byline = text.slice(0, bar).trim();
    const date = parseDateLine(text.slice(bar + 1), timeZone);
    if (date?.kind === "date" && byline !== "" && looksLikeByline(byline)) return { byline, date: date.iso };
  }
  const words = text.split(/\s+/u);
  for (let count = 1; count <= MAX_TRAILING_BYLINE_WORDS && count < words.length; count++) {
    const byline = words.slice(-count).join(" ");
    if (!isNameList(byline)) continue;
    const date = parseDateLine(words.slice(0, -count).join(" "), timeZone);
    if (date?.kind === "date") return { byline, date: date.iso };
  }
  return null;
}
