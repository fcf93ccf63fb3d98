/**
 * What every page links to: the masthead's sections and the year archives.
 * The masthead shows a bounded number of sections (every page carries it,
 * so an archive of thousands of sections would otherwise grow with their
 * square); the sections page lists them all.
 */
import type { Archive } from "../archive/build-archive.ts";
import type { Link } from "./summary.ts";

/** Sections the masthead shows at most; the rest are on the sections page. */
export const MASTHEAD_SECTIONS = 12;

export interface SectionLink extends Link {
  /** Articles in the section. */
  count: number;
}

export interface Navigation {
  /** Every section, in navigation order (configured sections first). */
  sections: SectionLink[];
  /** The sections the masthead shows: all of them, or the configured ones and then the largest, in navigation order. */
  masthead: Link[];
  /** Year archives, newest first, then the undated list. */
  archiveLinks: Link[];
}

export function navigation(archive: Archive, configured: Readonly<Record<string, string>>): Navigation {
  const sections = archive.sections.map((listing) => ({
    text: listing.name,
    url: listing.url,
    count: listing.records.length,
  }));
  return {
    sections,
    masthead: mastheadSections(sections, configured).map(({ text, url }) => ({ text, url })),
    archiveLinks: archive.years.map((listing) => ({
      text: listing.kind === "undated" ? "Undated" : listing.name,
      url: listing.url,
    })),
  };
}

function mastheadSections(
  sections: readonly SectionLink[],
  configured: Readonly<Record<string, string>>,
): SectionLink[] {
  if (sections.length <= MASTHEAD_SECTIONS) return [...sections];
  const isConfigured = (section: SectionLink): boolean => Object.hasOwn(configured, section.url.slice(1, -1));
  const largest = sections
    .filter((section) => !isConfigured(section))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const chosen = new Set([...sections.filter(isConfigured), ...largest].slice(0, MASTHEAD_SECTIONS));
  return sections.filter((section) => chosen.has(section));
}
