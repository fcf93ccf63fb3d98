/**
 * One seed file -> one `SeedArticle` plus its body tree. Pure: the caller
 * reads the bytes; nothing here touches the file system.
 */
import { createHash } from "node:crypto";
import type { CrawlEntry } from "./source-url.ts";
import { printedSection, sectionFromUrl } from "./section-names.ts";
import { finding, type Finding, type Problem, problemText, skipFinding } from "../model/problems.ts";
import { type Photo, type SeedArticle, seedArticleSchema } from "../model/record.ts";
import { SCRAPED_PAGE_BYTES } from "../model/markdown-limits.ts";
import { type FrontMatter, readFrontMatter } from "./front-matter.ts";
import type { ExplainedLine } from "./line-roles.ts";
import { normalizeNewlines, replaceUnrepresentable, splitLines } from "./lines.ts";
import { parseByline } from "./parse-byline.ts";
import type { Caption } from "./parse-caption.ts";
import { markdownLimit } from "./parse-markdown-body.ts";
import { type SeedBody, markdownBody, scrapedBody } from "./seed-body.ts";
import type { SeedOptions } from "./seed-options.ts";
import { detectLanguage } from "../model/language.ts";
import { countWords, endsMidSentence } from "./text-stats.ts";

export interface ParsedSeed {
  article: SeedArticle;
}

export interface SeedResult {
  /** Null when the seed has errors or was skipped. */
  parsed: ParsedSeed | null;
  problems: Problem[];
}

export interface ExplainedSeed extends SeedResult {
  /** Every line of the seed with the role the parser gave it. */
  lines: ExplainedLine[];
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** `sha256`: the bytes' digest when the caller has it already. */
export function parseSeed(
  bytes: Uint8Array,
  file: string,
  options: SeedOptions,
  sha256 = sha256Hex(bytes),
  crawl?: CrawlEntry,
): SeedResult {
  const { parsed, problems } = readSeed(bytes, file, options, sha256, crawl);
  return { parsed, problems };
}

/** `parseSeed` with the role of every line, for `npm run check -- --explain FILE`. */
export function explainSeed(bytes: Uint8Array, file: string, options: SeedOptions): ExplainedSeed {
  const { parsed, problems, explain } = readSeed(bytes, file, options, sha256Hex(bytes));
  return { parsed, problems, lines: explain() };
}

/** A seed read, with the role of each line made only when asked for: only `--explain` asks. */
type ReadSeed = SeedResult & { explain: () => ExplainedLine[] };
const NO_LINES = (): ExplainedLine[] => [];

function readSeed(bytes: Uint8Array, file: string, options: SeedOptions, sha256: string, crawl?: CrawlEntry): ReadSeed {
  const located = (findings: readonly Finding[]): Problem[] => findings.map((f) => ({ file, ...f }));
  const markdown = file.toLowerCase().endsWith(".md");
  // A scraped page that cannot be an article is left out; an authored article must be fixed.
  const unreadable = (line: number, text: Parameters<typeof finding>[2]): Finding =>
    markdown ? finding(line, "error", text) : skipFinding(line, text);

  if (!markdown && bytes.length > SCRAPED_PAGE_BYTES)
    return {
      parsed: null,
      problems: located([skipFinding(1, problemText.scrapedPageTooLarge(bytes.length))]),
      explain: NO_LINES,
    };
  let text: string;
  try {
    text = normalizeNewlines(decoder.decode(bytes));
  } catch {
    return {
      parsed: null,
      problems: located([unreadable(firstInvalidUtf8Line(bytes), problemText.invalidUtf8())]),
      explain: NO_LINES,
    };
  }
  if (text.trim() === "")
    return { parsed: null, problems: located([unreadable(1, problemText.emptyFile())]), explain: NO_LINES };
  const clean = replaceUnrepresentable(text);

  const front = readFrontMatter(clean.text, options.timeZone, options.sectionNames);
  // A mistake in front matter is the one message: what follows from it (`no headline found`) would only repeat it.
  if (front.findings.some((f) => f.severity === "error"))
    return { parsed: null, problems: located(front.findings), explain: NO_LINES };
  const limit = markdown ? markdownLimit(front.content, front.contentLine) : null;
  if (limit !== null) {
    const problems = located([...front.findings, finding(limit.line, "error", problemText.markdownLimit(limit))]);
    return { parsed: null, problems, explain: NO_LINES };
  }
  const body = markdown
    ? markdownBody(front.content, front.contentLine)
    : scrapedBody(front.content, front.contentLine, options);
  const findings = [...front.findings, ...body.findings];
  if (clean.firstLine !== null)
    findings.push(finding(clean.firstLine, "warning", problemText.controlCharacters(clean.count)));
  // Front matter's `source_url:` stands over the manifest's.
  const url = front.data.source_url ?? crawl?.url ?? null;
  const article = toArticle(body, front.data, { file, sha256, url, fetched: crawl?.fetched ?? null }, options);

  if (body.listing !== null && front.data.headline === undefined)
    findings.push(unreadable(body.headlineLine, problemText.listingPage(body.listing)));
  else if (article.headline === "") findings.push(unreadable(body.headlineLine, problemText.noHeadline(markdown)));
  else if (article.body.length === 0) findings.push(unreadable(body.headlineLine, problemText.noBody()));
  const skipped = findings.some((f) => f.skipped === true);
  if (!skipped && article.date === null) findings.push(finding(body.headlineLine, "warning", problemText.undated()));
  if (!skipped && article.photo?.caption != null && article.photo.credit === null) {
    findings.push(finding(body.headlineLine, "warning", problemText.noCredit()));
  }

  const problems = located(findings);
  const explain = (): ExplainedLine[] => [
    ...splitLines(clean.text)
      .slice(0, front.contentLine - 1)
      .map((line): ExplainedLine => ({ ...line, role: "front matter" })),
    ...body.explain(),
  ];
  if (skipped || problems.some((p) => p.severity === "error")) return { parsed: null, problems, explain };
  return { parsed: { article: seedArticleSchema.parse(article) }, problems, explain };
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
  const authors = [...new Set([...(byline?.authors ?? []), ...(front.byline === undefined ? body.moreAuthors : [])])];
  return {
    headline,
    kicker: body.kicker,
    // A page without a byline line may name its reporters in a tagline: those names stand as its byline.
    byline: byline?.byline ?? (authors.length === 0 ? null : authors.join(" and ")),
    authors,
    date: front.date ?? body.date,
    section:
      front.section ??
      (source.url === null ? null : sectionFromUrl(source.url, options.sectionNames)) ??
      printedSection(body.section, options.sectionNames) ??
      options.defaultSection,
    standfirst: front.standfirst ?? body.standfirst,
    tags: front.tags ?? [],
    photo: toPhoto(body.caption, front),
    body: body.paragraphs,
    subheads: body.subheads,
    markdown: body.markdown,
    related: body.related.map(({ title, teaser, line }) => ({ title, teaser, url: null, line })),
    wordCount: countWords(body.paragraphs),
    truncated: body.markdown === null && endsMidSentence(body.paragraphs.at(-1) ?? ""),
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
