/**
 * Section names and slugs, one place for every way a seed names its
 * section: front matter (a person: configured sections only), the section
 * line a scraped page prints, and the path of the URL it was crawled at
 * (both may name sections the configuration does not have).
 */
import { z } from "zod";
import { slugSchema } from "../model/record.ts";
import { isSitePath } from "../model/reserved-sections.ts";
import { slugify } from "../model/slugify.ts";
import { didYouMean } from "../util/did-you-mean.ts";

/**
 * A section by slug (`business`) or by its configured name in any case
 * (`Business`, `BUSINESS`), always as the slug. A person wrote it, so a name
 * that is no configured section is a mistake, with a did-you-mean; with no
 * sections configured, any slug makes one.
 */
export function sectionSchema(sectionNames: Readonly<Record<string, string>>) {
  const bySlugOrName = new Map<string, string>();
  for (const [slug, name] of Object.entries(sectionNames)) {
    bySlugOrName.set(slug, slug);
    bySlugOrName.set(name.toLowerCase(), slug);
  }
  return z
    .string()
    .transform((value, context) => {
      const typed = value.trim();
      if (typed === "") {
        context.addIssue({ code: "custom", message: "must not be empty" });
        return z.NEVER;
      }
      const slug = bySlugOrName.get(typed.toLowerCase());
      if (slug === undefined && bySlugOrName.size > 0) {
        const near = didYouMean(typed, Object.keys(sectionNames)) ?? didYouMean(typed, Object.values(sectionNames));
        context.addIssue({
          code: "custom",
          message: `\`${typed}\` is not a configured section${near === null ? "" : `; did you mean ${near}?`}`,
        });
        return z.NEVER;
      }
      return slug ?? typed;
    })
    .pipe(slugSchema);
}

/**
 * The slug of a section name printed on the page: the configured section of
 * that name, else a new section named after it. Null when the name makes no
 * usable slug (empty, a number, or one of the site's own paths).
 */
export function printedSection(name: string | null, sectionNames: Readonly<Record<string, string>>): string | null {
  if (name === null) return null;
  const configured = Object.entries(sectionNames).find(([, shown]) => shown.toLowerCase() === name.toLowerCase());
  if (configured !== undefined) return configured[0];
  return usableSlug(slugify(name));
}

/**
 * The section slug a URL's path names: its first segment when a page slug
 * follows it (`/business/garment-exports` -> `business`); the configured
 * section whose slug it is, else a new one. Null for a path of one segment.
 */
export function sectionFromUrl(url: string, sectionNames: Readonly<Record<string, string>>): string | null {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split("/").filter((segment) => segment !== "");
  } catch {
    return null;
  }
  const first = segments[0];
  if (first === undefined || segments.length < 2) return null;
  let decoded = first;
  try {
    decoded = decodeURIComponent(first);
  } catch {
    // A malformed escape: the segment as written.
  }
  const slug = slugify(decoded);
  return Object.hasOwn(sectionNames, slug) ? slug : usableSlug(slug);
}

/** A new section's slug, unless it is empty, a number (a year's archive) or one of the site's own paths. */
function usableSlug(slug: string): string | null {
  return slug === "" || isSitePath(slug) ? null : slug;
}
