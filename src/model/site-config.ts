/**
 * Site settings: `site.config.json` at the project root, overridden by
 * environment variables, overridden by command-line flags.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { slugSchema } from "./record.ts";
import { UsageError } from "../util/usage-error.ts";
import { suggestion } from "../util/did-you-mean.ts";

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
    pageSize: z.number().int("must be a whole number").min(1, "must be 1 or more"),
    /** How many "More in <section>" links each article shows. */
    moreInSection: z.number().int("must be a whole number").min(0, "must be 0 or more"),
    /**
     * Most articles in one search index shard: a larger year is split into
     * runs of months. Larger shards mean fewer requests for a search that
     * goes through many years, smaller ones less to load for the first
     * results and less memory to build each.
     */
    searchShardArticles: z.number().int("must be a whole number").min(1, "must be 1 or more"),
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

/** What a setting is when `site.config.json` leaves it out (or there is no file). */
export const SITE_DEFAULTS: Readonly<SiteConfig> = {
  title: "Phnom Penh Post archive",
  publisher: "The Phnom Penh Post",
  wordmark: "Phnom Penh Post",
  tagline: "Intelligent . In-depth . Independent",
  siteUrl: "http://localhost:8080",
  language: "en",
  defaultSection: "national",
  pageSize: 20,
  moreInSection: 4,
  searchShardArticles: 4000,
  sections: {
    national: "National",
    business: "Business",
    world: "World",
    sport: "Sport",
    lifestyle: "Lifestyle",
    opinion: "Opinion",
    property: "Property",
    supplements: "Supplements",
    "siem-reap-insider": "Siem Reap Insider",
    "post-weekend": "Post Weekend",
    "7days": "7Days",
    lift: "LIFT",
  },
  timeZone: "Asia/Phnom_Penh",
};

/** The project's own settings file, next to package.json. */
const SITE_CONFIG_FILE = fileURLToPath(new URL("../../site.config.json", import.meta.url));

/**
 * The site's settings: the defaults, then what `site.config.json` sets, then
 * `SITE_URL`, then `overrides` (flags). Each mistake is a line of its own
 * naming the file and the key (with a did-you-mean) or the line and column.
 */
export function loadSiteConfig(
  overrides: Partial<SiteConfig> = {},
  env: NodeJS.ProcessEnv = process.env,
  configFile: string = SITE_CONFIG_FILE,
): SiteConfig {
  const name = path.basename(configFile);
  const file = readConfigFile(configFile);
  const fromEnv = env["SITE_URL"] === undefined || env["SITE_URL"] === "" ? {} : { siteUrl: env["SITE_URL"] };
  const result = siteConfigSchema.safeParse({ ...SITE_DEFAULTS, ...file, ...fromEnv, ...overrides });
  if (result.success) return result.data;
  const lines = result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => `${name}: unknown key "${key}"${suggestion(key, Object.keys(SITE_DEFAULTS))}`);
    const key = issue.path.join(".");
    if (key === "siteUrl" && (fromEnv.siteUrl !== undefined || overrides.siteUrl !== undefined))
      return [
        `site URL ${JSON.stringify(overrides.siteUrl ?? fromEnv.siteUrl)} (from ${overrides.siteUrl === undefined ? "SITE_URL" : "--site-url"}) is not an absolute http(s) URL such as https://archive.example.org`,
      ];
    return [`${name}: "${key}" ${issue.message}`];
  });
  throw new UsageError(`site settings are invalid: ${lines.join("\n")}`);
}

/** The settings file's object, or none when there is no file; a file that is not a JSON object is a mistake. */
function readConfigFile(configFile: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(configFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new UsageError(`${configFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Node says `… in JSON at position 17 (line 2 column 3)`: the line and column are what a person looks for.
    const message = error instanceof Error ? error.message : String(error);
    const at = /\(line (\d+) column (\d+)\)/u.exec(message);
    const what = message.replace(/ in JSON at position.*$/u, "").replace(/^./u, (c) => c.toLowerCase());
    const where = at === null ? "" : `line ${at[1]}, column ${at[2]}: `;
    throw new UsageError(
      `${path.basename(configFile)}: ${where}${what}; keys and strings take double quotes, and no comma follows the last item`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new UsageError(
      `${path.basename(configFile)}: must be one JSON object of settings, e.g. {"title": "My archive"}`,
    );
  return parsed as Record<string, unknown>;
}
