/**
 * The scraped page's title line, the browser title behind the logo's alt
 * text: `Logo of Phnom Penh Post newspaper Phnom Penh Post - <headline>` on
 * the current site, `<headline> | Phnom Penh Post` on the 2010–2013 site.
 * Scrapes vary in the separator and sometimes lose the logo text.
 */
const LOGO_TITLE =
  /^\s*(?:Logo of (?:the )?Phnom Penh Post newspaper\s+)?(?:The )?Phnom Penh Post\s*[-–—|:]\s*(.*\S)\s*$/iu;
const PIPE_TITLE = /^\s*(.*\S)\s*\|\s*(?:The )?Phnom Penh Post\s*$/iu;

/** The headline carried by the title line, or null when the line is not one. */
export function parseTitleLine(text: string): string | null {
  return LOGO_TITLE.exec(text)?.[1] ?? PIPE_TITLE.exec(text)?.[1] ?? null;
}
