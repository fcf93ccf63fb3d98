/**
 * The two body formats read into one shape: a scraped page through the
 * line-role parser, a Markdown article through remark. Front matter is
 * applied after, by `parseSeed`.
 */
/** What the body formats have in common, before front matter is applied. */
import type { Root } from "mdast";
import type { Finding } from "../model/problems.ts";
import type { ExplainedLine } from "./line-roles.ts";
import { splitLines } from "./lines.ts";
import type { Caption } from "./parse-caption.ts";
import { parseMarkdownBody } from "./parse-markdown-body.ts";
import type { ScrapedRelated } from "./parse-related.ts";
import { parseScrapedPage } from "./parse-scraped-page.ts";
import type { SeedOptions } from "./seed-options.ts";

export interface SeedBody {
  headline: string | null;
  /** Set when a scraped page is a section's listing page, not an article. */
  listing: string | null;
  headlineLine: number;
  /** The label printed over the story (`THIS WEEK IN HISTORY`), or null. */
  kicker: string | null;
  byline: string | null;
  /** Authors named outside the byline (reporter tagline, letter signature). */
  moreAuthors: string[];
  date: string | null;
  /** Section name as printed on the page. */
  section: string | null;
  standfirst: string | null;
  caption: Caption | null;
  paragraphs: string[];
  /** Indices in `paragraphs` of a scraped page's subheads (a Markdown body has its own headings). */
  subheads: number[];
  /** The Markdown tree of a `.md` body; null for a scraped page, whose body is its paragraphs. */
  markdown: Root | null;
  related: ScrapedRelated[];
  findings: Finding[];
}

export function scrapedBody(
  content: string,
  firstLine: number,
  options: SeedOptions,
): SeedBody & { explain: () => ExplainedLine[] } {
  const lines = splitLines(content, firstLine);
  const page = parseScrapedPage(lines, { timeZone: options.timeZone, sections: options.sectionIndex });
  return {
    ...page,
    byline: page.byline?.byline ?? null,
    paragraphs: page.body,
    markdown: null,
    explain: () => page.roles.explain(lines),
  };
}

export function markdownBody(content: string, firstLine: number): SeedBody & { explain: () => ExplainedLine[] } {
  const markdown = parseMarkdownBody(content);
  return {
    headline: markdown.heading,
    listing: null,
    headlineLine: firstLine,
    kicker: null,
    byline: null,
    moreAuthors: [],
    date: null,
    section: null,
    standfirst: null,
    caption: null,
    paragraphs: markdown.paragraphs,
    subheads: [],
    markdown: markdown.tree,
    related: [],
    findings: [],
    explain: () =>
      splitLines(content, firstLine).map((line) => ({ number: line.number, text: line.text, role: "body" })),
  };
}
