/**
 * One seed file -> one `SeedArticle` plus its body tree. Pure: the caller
 * reads the bytes; nothing here touches the file system.
 */
import { createHash } from "node:crypto";
import type { Root } from "mdast";
import { finding, type Finding, type Problem, problemText } from "../problems.ts";
import { type Photo, type SeedArticle, seedArticleSchema } from "../record.ts";
import { type FrontMatter, readFrontMatter } from "./front-matter.ts";
import { normalizeNewlines, replaceUnrepresentable, splitLines } from "./lines.ts";
import { parseByline } from "./parse-byline.ts";
import type { Caption } from "./parse-caption.ts";
import { paragraphsToTree, parseMarkdownBody } from "./parse-markdown-body.ts";
import { parseScrapedPage } from "./parse-scraped-page.ts";
import type { ScrapedRelated } from "./parse-related.ts";
import { countWords, detectLanguage } from "./text-stats.ts";

export interface SeedOptions {
  /** Section slug for seeds that name none. */
  defaultSection: string;
  /** IANA zone for printed times without a zone, e.g. `Asia/Phnom_Penh`. */
  timeZone: string;
}

export interface ParsedSeed {
  article: SeedArticle;
  /** The body as mdast: literal paragraphs for scraped pages, the parsed tree for markdown. */
  content: Root;
}

export interface SeedResult {
  /** Null when the seed has errors. */
  parsed: ParsedSeed | null;
  problems: Problem[];
}

/** What the body formats have in common, before front matter is applied. */
interface SeedBody {
  headline: string | null;
  headlineLine: number;
  byline: string | null;
  date: string | null;
  caption: Caption | null;
  paragraphs: string[];
  content: Root;
  related: ScrapedRelated[];
  findings: Finding[];
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** `sha256`: the bytes' digest when the caller has it already. */
export function parseSeed(
  bytes: Uint8Array,
  file: string,
  options: SeedOptions,
  sha256 = sha256Hex(bytes),
): SeedResult {
  const located = (findings: readonly Finding[]): Problem[] => findings.map((f) => ({ file, ...f }));

  let text: string;
  try {
    text = normalizeNewlines(decoder.decode(bytes));
  } catch {
    return {
      parsed: null,
      problems: located([finding(firstInvalidUtf8Line(bytes), "error", problemText.invalidUtf8())]),
    };
  }
  if (text.trim() === "") return { parsed: null, problems: located([finding(1, "error", problemText.emptyFile())]) };
  const clean = replaceUnrepresentable(text);

  const front = readFrontMatter(clean.text, options.timeZone);
  const body = file.toLowerCase().endsWith(".md")
    ? markdownBody(front.content, front.contentLine)
    : scrapedBody(front.content, front.contentLine, options.timeZone);
  const findings = [...front.findings, ...body.findings];
  if (clean.firstLine !== null)
    findings.push(finding(clean.firstLine, "warning", problemText.controlCharacters(clean.count)));
  const article = toArticle(body, front.data, { file, sha256 }, options);

  if (article.headline === "") findings.push(finding(body.headlineLine, "error", problemText.noHeadline()));
  else if (article.body.length === 0) findings.push(finding(body.headlineLine, "error", problemText.noBody()));
  if (article.date === null) findings.push(finding(body.headlineLine, "warning", problemText.undated()));
  if (article.photo?.caption != null && article.photo.credit === null) {
    findings.push(finding(body.headlineLine, "warning", problemText.noCredit()));
  }

  const problems = located(findings);
  if (problems.some((p) => p.severity === "error")) return { parsed: null, problems };
  return { parsed: { article: seedArticleSchema.parse(article), content: body.content }, problems };
}

function scrapedBody(content: string, firstLine: number, timeZone: string): SeedBody {
  const page = parseScrapedPage(splitLines(content, firstLine), timeZone);
  return {
    ...page,
    byline: page.byline?.byline ?? null,
    paragraphs: page.body,
    content: paragraphsToTree(page.body),
  };
}

function markdownBody(content: string, firstLine: number): SeedBody {
  const markdown = parseMarkdownBody(content);
  return {
    headline: markdown.heading,
    headlineLine: firstLine,
    byline: null,
    date: null,
    caption: null,
    paragraphs: markdown.paragraphs,
    content: markdown.tree,
    related: [],
    findings: [],
  };
}

function toArticle(
  body: SeedBody,
  front: FrontMatter,
  source: SeedArticle["source"],
  options: SeedOptions,
): SeedArticle {
  const headline = front.headline ?? body.headline ?? "";
  const byline =
    front.byline !== undefined ? parseByline(front.byline) : body.byline !== null ? parseByline(body.byline) : null;
  return {
    headline,
    byline: byline?.byline ?? null,
    authors: byline?.authors ?? [],
    date: front.date ?? body.date,
    section: front.section ?? options.defaultSection,
    tags: front.tags ?? [],
    photo: toPhoto(body.caption, front),
    body: body.paragraphs,
    related: body.related.map(({ title, teaser }) => ({ title, teaser, url: null })),
    wordCount: countWords(body.paragraphs),
    language: detectLanguage([headline, ...body.paragraphs]),
    explicitSlug: front.slug ?? null,
    source,
  };
}

function toPhoto(scraped: Caption | null, front: FrontMatter): Photo | null {
  const caption = front.caption ?? scraped?.caption ?? null;
  const image = front.image ?? null;
  if (caption === null && image === null) return null;
  return { caption, credit: front.credit ?? scraped?.credit ?? null, image };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Line of the first byte sequence that is not UTF-8, so the error can point at it. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const lossy = new TextDecoder("utf-8").decode(bytes).split("\n");
  const index = lossy.findIndex((line) => line.includes("\uFFFD"));
  return index === -1 ? 1 : index + 1;
}
