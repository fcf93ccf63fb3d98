/**
 * Text the website put around an article: navigation before the title,
 * widgets and footers after the body, obfuscated e-mail addresses. None of it
 * is the article, so none of it may become a headline or a body paragraph.
 */
import { isNameList } from "./parse-byline.ts";

/** Words navigation lines are made of: `Search form`, `Subscribe Search`, `Login - Register | FOLLOW US ON`. */
const NAVIGATION_WORDS = new Set([
  "search",
  "form",
  "subscribe",
  "login",
  "log",
  "in",
  "out",
  "register",
  "sign",
  "up",
  "follow",
  "us",
  "on",
  "menu",
  "home",
  "close",
  "english",
  "khmer",
  "ខ្មែរ",
  "|",
  "-",
  "/",
]);

/** ` date 2017-01-30 Search form`: metadata some crawls glued to the first line. */
const CRAWLER_DATE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b(.*)$/iu;

export interface TopChrome {
  /** The crawler's ISO date when the line carries one. */
  crawlerDate: string | null;
}

/** The logo's alt text scraped on a line of its own, without the page title after it. */
const LOGO_ALONE = /^\s*logo\s+of\s+(?:the\s+)?phnom\s+penh\s+post(?:\s+newspaper)?\s*$/iu;

/** Navigation before the title, or null when the line is not chrome. */
export function readTopChrome(text: string): TopChrome | null {
  if (LOGO_ALONE.test(text)) return { crawlerDate: null };
  const crawled = CRAWLER_DATE.exec(text);
  if (crawled !== null) {
    const rest = crawled[2] ?? "";
    return rest.trim() === "" || isNavigation(rest) ? { crawlerDate: crawled[1] ?? null } : null;
  }
  return isNavigation(text) ? { crawlerDate: null } : null;
}

/** The crawler's date glued to a line of the page's own text (` date 2017-11-16 Breaking: …`): the date and the text. */
export function gluedCrawlerDate(text: string): { date: string; rest: string } | null {
  const crawled = CRAWLER_DATE.exec(text);
  const rest = crawled?.[2]?.trim() ?? "";
  return crawled?.[1] === undefined || rest === "" ? null : { date: crawled[1], rest };
}

function isNavigation(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/\s+/u)
    .filter((word) => word !== "");
  return words.length > 0 && words.every((word) => NAVIGATION_WORDS.has(word));
}

/** Cloudflare's stand-in for an e-mail address it hid from the crawler. */
const HIDDEN_EMAIL = /\[email(?:\s|&#160;|\u00a0)+protected\]/giu;
/** A white-space-delimited word that is an e-mail address: `name@host`. */
const EMAIL_WORD = /^[^@]+@[^@]+$/u;

/** The line without e-mail addresses, plain or hidden; words are looked at one by one, in linear time. */
function withoutEmails(line: string): string {
  return line
    .replace(HIDDEN_EMAIL, " ")
    .split(/\s+/u)
    .filter((word) => !(word.length <= 320 && EMAIL_WORD.test(word)))
    .join(" ");
}

/** Share buttons: `Facebook`, `Twitter | LinkedIn`, `Share on Facebook`. */
const SHARE_LINE =
  /^(?:share\s+(?:on|via)\s+)?(?:facebook|twitter|linkedin|telegram|whatsapp|pinterest|reddit|google\+?)(?:\s*[|/,·]?\s*(?:facebook|twitter|linkedin|telegram|whatsapp|pinterest|reddit|google\+?|email|print))*$/iu;

/** Widget and label lines dropped wherever they stand. */
const WIDGET_LINE =
  /^(?:more topic|advertisement|sponsored|share(?: this(?: article| story)?)?|tweet|print|email|e-mail|video|watch video|play video|loading\.{0,3}|click here to (?:subscribe|read more)|read more|content image - phnom penh post)$/iu;

/** A line that is only widgets, labels or hidden addresses: `[email protected]`, `Email: [email protected]`, `More Topic`. */
export function isWidgetLine(text: string): boolean {
  const line = text.trim();
  if (WIDGET_LINE.test(line) || SHARE_LINE.test(line) || TEMPLATE_TAG.test(line) || EMPTY_PHOTO_LABEL.test(line))
    return true;
  if (!line.includes("@") && !/\[email/iu.test(line)) return false;
  const label = withoutEmails(line).replace(/\b(?:e-?mail|contact|or|and|at)\b|[:;,|/()-]/giu, " ");
  return label.trim() === "";
}

/** A content-management tag left in the text: `{jathumbnail}`, `{loadposition user9}`. */
const TEMPLATE_TAG = /^\{[a-z_][\w -]{0,40}\}$/iu;
/** A photo label whose credit the page lost: `Photo by:` alone. */
const EMPTY_PHOTO_LABEL = /^(?:photos?|photograph|picture)(?:\s+by)?\s*:$/iu;

/** `Photo by:` with no name after it: a label whose credit the page lost. */
export function isEmptyPhotoLabel(text: string): boolean {
  return EMPTY_PHOTO_LABEL.test(text.trim());
}

/** Lines after which nothing belongs to the article any more. */
const FOOTER_START: readonly RegExp[] = [
  /^contact\s+phnom\s*penh\s*post\b/iu,
  // The publisher's address block; a sentence that mentions the company does not start with its name.
  /^(?:(?:©|copyright)\s*)?(?:\d{4}\s+)?(?:the\s+)?post\s+media\s+co\b/iu,
  /^recommended\s+stories$/iu,
  /^related\s+(?:stories|articles|news|posts|videos?)\s*:?$/iu,
  /^(?:most\s+(?:popular|viewed|read)|top\s+stories|latest\s+news|trending)$/iu,
  /^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$/iu,
  /^(?:add\s+(?:a\s+|new\s+)?comment|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment)\b/iu,
  /comments\s+powered\s+by\s+disqus/iu,
  /^(?:please\s+)?(?:log\s*in|sign\s+in|register)\s+to\s+(?:post|comment|leave)/iu,
  /^(?:copyright\s*)?©/iu,
  /^all\s+rights\s+reserved/iu,
  /^subscribe\s+to\s+(?:our|the)\s+newsletter/iu,
];

export function isFooterStart(text: string): boolean {
  const line = text.trim();
  return FOOTER_START.some((pattern) => pattern.test(line));
}

const REPORTER_TAGLINE = /^to\s+contact\s+the\s+(?:reporters?|authors?|writers?)\s+on\s+this\s+story\s*:?\s*(.*)$/iu;

/**
 * `To contact the reporter on this story: Name at [email protected]`: the
 * names it gives, or null when the line is not such a tagline.
 */
export function readReporterTagline(text: string): string[] | null {
  const match = REPORTER_TAGLINE.exec(text.trim());
  if (match === null) return null;
  return withoutEmails(match[1] ?? "")
    .split(/\s*(?:,|;|\band\b|&)\s*/iu)
    .map((part) => part.replace(/\s+at\s*$|\s+at\s+.*$/iu, "").trim())
    .filter((name) => name !== "" && isNameList(name));
}
