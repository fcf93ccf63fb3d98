/** The settings a seed is parsed with, made once per build from the site's settings. */
import type { SiteConfig } from "../model/site-config.ts";
import { sectionNameIndex } from "./header-lines.ts";

export interface SeedOptions {
  /** Section slug for seeds that name none. */
  defaultSection: string;
  /** IANA zone for printed times without a zone, e.g. `Asia/Phnom_Penh`. */
  timeZone: string;
  /** Configured sections, slug -> display name: a printed or front-matter section name resolves to its slug. */
  sectionNames: Readonly<Record<string, string>>;
  /** Section names a page may print (configured first, then the paper's own), by lowercased name. */
  sectionIndex: ReadonlyMap<string, string>;
}

export function seedOptions(site: Pick<SiteConfig, "defaultSection" | "timeZone" | "sections">): SeedOptions {
  return {
    defaultSection: site.defaultSection,
    timeZone: site.timeZone,
    sectionNames: site.sections,
    sectionIndex: sectionNameIndex(site.sections),
  };
}
