/**
 * The one article shape every stage shares: ingest produces a `SeedArticle`
 * per seed file, the archive stage turns the whole set into `ArticleRecord`s
 * (adding slug, url and resolved related links), render and search read
 * records and never re-parse seed text.
 */
import type { Root } from "mdast";
import { z } from "zod";

/** Lowercase letters or digits of any script, joined by single hyphens: safe as one URL/path segment. */
const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u;

/** `YYYY-MM-DD`, or a full timestamp with seconds and an explicit offset. */
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A slug is one folder name in the site: it must fit the 255 bytes file systems allow, with room to spare. */
export const MAX_SLUG_BYTES = 200;

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, "must be a plain slug such as `national` or `my-story`")
  .refine((slug) => Buffer.byteLength(slug) <= MAX_SLUG_BYTES, `must be at most ${MAX_SLUG_BYTES} bytes long`);

const photoSchema = z.object({
  /** Caption text as printed, without the trailing credit; null when the seed only names an image. */
  caption: z.string().nullable(),
  /** Photo credit split off the caption's end (`Photo supplied`, `AFP`…); null when none was printed. */
  credit: z.string().nullable(),
  /** Image path or http(s) URL from front matter; null for scraped pages, which carry no image file. */
  image: z.string().nullable(),
});

const relatedItemSchema = z.object({
  /** Title exactly as listed under the article. */
  title: z.string().min(1),
  /** The (often cut-off) teaser printed below the title; null when absent. */
  teaser: z.string().nullable(),
  /** Site-relative URL of the archive article whose normalized headline matches; null when none does. */
  url: z.string().nullable(),
  /** 1-based line of the title in the seed file, so a problem with it can point there. */
  line: z.number().int().positive(),
});

const sourceSchema = z.object({
  /** Seed path relative to the seeds folder, with `/` separators. */
  file: z.string().min(1),
  /** SHA-256 of the seed file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The page's original URL (crawl manifest or front matter `source_url:`), so old links can be redirected; null when unknown. */
  url: z.string().nullable(),
  /** When the crawler fetched the page (ISO 8601), from the crawl manifest; null when unknown. */
  fetched: z.string().nullable(),
});

/** What one seed file says, before the archive gives it a slug and URL. */
export const seedArticleSchema = z.object({
  headline: z.string().min(1),
  /** The label printed over the headline (`THIS WEEK IN HISTORY`, `AFF Suzuki Cup`); null when none. */
  kicker: z.string().nullable(),
  /** The one-sentence deck printed under the headline; null when the page has none. */
  standfirst: z.string().nullable(),
  /** The byline as printed, without a leading `By `; null when the page has none. */
  byline: z.string().nullable(),
  /** Individual names split from the byline. */
  authors: z.array(z.string().min(1)),
  /** ISO 8601: `+07:00` timestamps for ICT times, `YYYY-MM-DD` for date-only sources, null when unknown. */
  date: z.string().regex(ISO_DATE_PATTERN).nullable(),
  /** Section slug; the configured default when the seed names none. */
  section: slugSchema,
  tags: z.array(z.string().min(1)),
  photo: photoSchema.nullable(),
  /** Each body paragraph's exact text (of a Markdown body: each text block's). */
  body: z.array(z.string()).min(1),
  /** Indices in `body` of a scraped page's subheads, shown as headings; empty for Markdown, whose tree has its own. */
  subheads: z.array(z.number().int().nonnegative()),
  /** The body's Markdown tree (mdast, without positions) for `.md` seeds; null for scraped pages, whose body is `body`. */
  markdown: z
    .custom<Root>((value) => typeof value === "object" && value !== null && "type" in value && value.type === "root")
    .nullable(),
  related: z.array(relatedItemSchema),
  wordCount: z.number().int().nonnegative(),
  /** The scraped text stops mid-sentence (the crawl kept only part of the page). */
  truncated: z.boolean(),
  /** `km` when the text is mostly Khmer script, else `en`. */
  language: z.enum(["en", "km"]),
  /** Slug fixed by front matter; null lets the archive derive one from the headline. */
  explicitSlug: slugSchema.nullable(),
  source: sourceSchema,
});

/** Site-relative, starts and ends with `/`, without any deployment base path. */
const siteUrlSchema = z.string().regex(/^\/(?:[^/]+\/)+$/);

export const articleRecordSchema = seedArticleSchema.omit({ explicitSlug: true }).extend({
  slug: slugSchema,
  url: siteUrlSchema,
  /** The page of each of `authors`, in the same order. */
  authorUrls: z.array(siteUrlSchema),
  /** The page of each of `tags`, in the same order. */
  tagUrls: z.array(siteUrlSchema),
});

export type Photo = z.infer<typeof photoSchema>;
export type SeedArticle = z.infer<typeof seedArticleSchema>;
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/**
 * A record without its body text and tree: what a page shows beside its
 * body's HTML. The body is most of a record.
 */
export type RecordWithoutBody = Omit<ArticleRecord, "body" | "markdown">;

export function withoutBody(record: ArticleRecord): RecordWithoutBody {
  const { body: _body, markdown: _markdown, ...rest } = record;
  return rest;
}
