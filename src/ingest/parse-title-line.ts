/**
 * The scraped page's first line is the browser title behind the logo's alt
 * text: `Logo of Phnom Penh Post newspaper Phnom Penh Post - <headline>`.
 * Scrapes vary in the separator and sometimes lose the logo text.
 */
const TITLE_LINE =
  /^\s*(?:Logo of (?:the )?Phnom Penh Post newspaper\s+)?(?:The )?Phnom Penh Post\s*[-–—|:]\s*(.*\S)\s*$/iu;

/** The headline carried by the title line, or null when the line is not one. */
export function parseTitleLine(text: string): string | null {
  return TITLE_LINE.exec(text)?.[1] ?? null;
}
