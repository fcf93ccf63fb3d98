/**
 * Site settings: `site.config.json` at the project root, overridden by
 * environment variables, overridden by command-line flags.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { slugSchema } from "./record.ts";
import { UsageError } from "../util/usage-error.ts";

const siteConfigSchema = z
  .object({
    /** Shown in the masthead, page titles and feeds. */
    title: z.string().min(1),
    /** The organisation named as publisher in structured data. */
    publisher: z.string().min(1),
    /** The masthead's name, beside the word "Archive". */
    wordmark: z.string().min(1),
    tagline: z.string(),
    /** Absolute origin for canonical links, feeds and the sitemap, without the base path. */
    siteUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
    /** BCP 47 language of the site's interface. */
    language: z.string().min(2),
    /** Section for seeds that name none. */
    defaultSection: slugSchema,
    /** Articles per list page (home, sections, authors, tags, dates). */
    pageSize: z.number().int().min(1),
    /** How many "More in <section>" links each article shows. */
    moreInSection: z.number().int().min(0),
    /** Display names of sections, in navigation order; other sections follow alphabetically. */
    sections: z.record(slugSchema, z.string().min(1)),
    /** IANA zone of times printed without a zone (the paper prints ICT). */
    timeZone: z
      .string()
      .refine(
        (zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC",
        "must be an IANA time zone",
      ),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** The project's own settings file, next to package.json. */
const SITE_CONFIG_FILE = new URL("../../site.config.json", import.meta.url);

export function loadSiteConfig(overrides: Partial<SiteConfig> = {}, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const file = JSON.parse(readFileSync(SITE_CONFIG_FILE, "utf8")) as Record<string, unknown>;
  const fromEnv = env["SITE_URL"] === undefined || env["SITE_URL"] === "" ? {} : { siteUrl: env["SITE_URL"] };
  const result = siteConfigSchema.safeParse({ ...file, ...fromEnv, ...overrides });
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    const where = result.error.issues.map((issue) => issue.path.join(".")).join(", ");
    const fix =
      where === "siteUrl"
        ? "give an absolute http(s) URL such as https://archive.example.org (--site-url, SITE_URL or siteUrl in site.config.json)"
        : "correct site.config.json, SITE_URL or the flag";
    throw new UsageError(`site settings are invalid: ${issues.trim().replace(/\n\s*/g, "; ")}; ${fix}`);
  }
  return result.data;
}
