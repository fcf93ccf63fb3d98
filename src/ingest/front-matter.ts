/**
 * Optional YAML front matter at the top of a seed. Values are validated here,
 * where they enter, and every problem points at the key's line.
 */
import matter from "gray-matter";
import { YAMLParseError, parse as parseYaml } from "yaml";
import { z } from "zod";
import { finding, type Finding, problemText } from "../model/problems.ts";
import { slugSchema } from "../model/record.ts";
import { parseIsoDate } from "./parse-date-line.ts";
import { replaceUnrepresentable } from "./lines.ts";
import { isHttpUrl } from "../util/http-url.ts";
import { sectionSchema } from "./section-names.ts";

/** An image in front matter: an http(s) URL or a path, never another URL scheme. */
const imageSchema = z
  .string()
  .trim()
  .min(1)
  .refine((value) => isHttpUrl(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value), "must be an http(s) URL or a path");

const text = z.string().trim().min(1, "must not be empty");

export function frontMatterSchema(timeZone: string, sectionNames: Readonly<Record<string, string>> = {}) {
  return z
    .object({
      /** Replaces the scraped headline; required for `.md` articles without a `# heading`. */
      headline: text,
      /** ISO 8601 date or timestamp; a time without offset is in the site's time zone. */
      date: z.union([z.string(), z.number()]).transform((value, context) => {
        const iso = parseIsoDate(String(value), timeZone);
        if (iso === null)
          context.addIssue({ code: "custom", message: `\`${String(value)}\` is not an ISO 8601 date that exists` });
        return iso ?? "";
      }),
      /** Byline as it should be printed, without `By `. */
      byline: text,
      /** Section slug, e.g. `business`, or a configured section's name, e.g. `Business`. */
      section: sectionSchema(sectionNames),
      /** The deck shown under the headline. */
      standfirst: text,
      /** A list, or one comma-separated string. */
      tags: z.union([z.array(text), z.string()]).transform((tags) =>
        Array.isArray(tags)
          ? tags
          : tags
              .split(",")
              .map((tag) => tag.trim())
              .filter((tag) => tag !== ""),
      ),
      /** URL slug replacing the one derived from the headline. */
      slug: slugSchema,
      /** Image path (relative to the seeds folder) or http(s) URL. */
      image: imageSchema,
      caption: text,
      credit: text,
      /** The page's original URL: its path may name the section (`/business/…`). */
      source_url: z.string().trim().refine(isHttpUrl, "must be an absolute http(s) URL"),
    })
    .partial()
    .strict();
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>;

export interface FrontMatterResult {
  data: FrontMatter;
  /** The text after the front matter. */
  content: string;
  /** File line number of the content's first line. */
  contentLine: number;
  findings: Finding[];
}

const FENCE = /^---[ \t]*\n/;
const CLOSED_FRONT_MATTER = /^---[ \t]*\n(?:[^\n]*\n)*?---[ \t]*(?:\n|$)/;

export function readFrontMatter(
  source: string,
  timeZone: string,
  sectionNames: Readonly<Record<string, string>> = {},
): FrontMatterResult {
  if (!FENCE.test(source)) return { data: {}, content: source, contentLine: 1, findings: [] };
  let raw: unknown;
  let parsed: { content: string; matter: string };
  try {
    // Core schema: `2019-04-24` stays a string instead of becoming a UTC Date.
    const file = matter(source, { engines: { yaml: (yaml: string) => parseYaml(yaml, { schema: "core" }) as object } });
    raw = file.data;
    parsed = { content: file.content, matter: file.matter };
  } catch (error) {
    // Parse the rest anyway, so its problems are reported in the same run.
    const closed = CLOSED_FRONT_MATTER.exec(source);
    const rest = closed === null ? "" : source.slice(closed[0].length);
    const contentLine = closed === null ? 1 : lineCount(closed[0]) + 1;
    return { data: {}, content: rest, contentLine, findings: [yamlFinding(error, source)] };
  }
  const contentLine = lineCount(source.slice(0, source.length - parsed.content.length)) + 1;
  const keyLine = (key: string): number => frontMatterKeyLine(parsed.matter, key);
  // YAML escapes (`"\0"`, `"\x07"`, `"\uD800"`) make what the seed's text cannot hold.
  const cleaned = cleanValues(raw);
  raw = cleaned.raw;
  const replaced = [...cleaned.counts].map(([key, count]) =>
    finding(keyLine(key), "warning", problemText.controlCharacters(count)),
  );
  const result = frontMatterSchema(timeZone, sectionNames).safeParse(raw ?? {});
  if (result.success) return { data: result.data, content: parsed.content, contentLine, findings: replaced };

  const findings = result.error.issues.flatMap((issue): Finding[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => finding(keyLine(key), "error", problemText.unknownFrontMatterKey(key)));
    }
    const key = String(issue.path[0] ?? "");
    return [finding(keyLine(key), "error", problemText.badFrontMatter(key, issue.message))];
  });
  // Every key that is valid on its own is kept, so one mistake does not hide the rest (`no headline found`).
  const data = validKeys(raw, timeZone, sectionNames);
  const sorted = [...replaced, ...findings].sort((a, b) => a.line - b.line);
  return { data, content: parsed.content, contentLine, findings: sorted };
}

/**
 * 1-based line of `key:` in front matter text (`matter` keeps the newline
 * after the opening fence, so its lines are file lines), or 1.
 */
export function frontMatterKeyLine(text: string, key: string): number {
  const index = text.split("\n").findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? 1 : index + 1;
}

/** The keys of `raw` that pass the schema one by one. */
function validKeys(raw: unknown, timeZone: string, sectionNames: Readonly<Record<string, string>>): FrontMatter {
  if (raw === null || typeof raw !== "object") return {};
  const shape = frontMatterSchema(timeZone, sectionNames).shape;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = (shape as Record<string, z.ZodType | undefined>)[key];
    const parsed = field?.safeParse(value);
    if (parsed?.success === true && parsed.data !== undefined) data[key] = parsed.data;
  }
  return data as FrontMatter;
}

function yamlFinding(error: unknown, source: string): Finding {
  if (error instanceof YAMLParseError) {
    // `matter` keeps the newline after the opening fence, so YAML lines are file lines.
    const line = error.linePos?.[0].line ?? 1;
    // `headline: Wages: up` is the mistake people make: a colon in an unquoted value.
    const key = /^([\w-]+):\s+[^"'\s][^\n]*?:\s/u.exec(source.split("\n")[line - 1] ?? "")?.[1];
    if (key !== undefined) return finding(line, "error", problemText.colonInValue(key));
    const detail = (error.message.split("\n")[0] ?? error.code).replace(/:$/u, "");
    return finding(line, "error", problemText.badYaml(detail));
  }
  return finding(1, "error", problemText.badYaml(error instanceof Error ? error.message : String(error)));
}

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}

/** Top-level values with unrepresentable code points replaced (in strings and lists of strings), and how many per key. */
function cleanValues(raw: unknown): { raw: unknown; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { raw, counts };
  const clean = (key: string, value: unknown): unknown => {
    if (typeof value === "string") {
      const replaced = replaceUnrepresentable(value);
      if (replaced.count > 0) counts.set(key, (counts.get(key) ?? 0) + replaced.count);
      return replaced.text;
    }
    return Array.isArray(value) ? value.map((item) => clean(key, item)) : value;
  };
  const entries = Object.entries(raw).map(([key, value]) => [key, clean(key, value)]);
  return { raw: Object.fromEntries(entries), counts };
}
