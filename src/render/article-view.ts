/** Everything an article page shows, computed once per article for the template. */
import type { Root } from "mdast";
import type { Archive } from "../archive/build-archive.ts";
import { authorUrl, tagUrl } from "../archive/listings.ts";
import type { ArticleRecord } from "../record.ts";
import type { SiteConfig } from "../site-config.ts";
import { renderBodyHtml } from "./body-html.ts";
import { excerpt } from "./excerpt.ts";
import type { PhotoImage } from "./images.ts";
import { newsArticleJsonLd, serializeJsonLd } from "./json-ld.ts";
import { type ArticleSummary, type BylinePart, type Link, bylineParts, summarize } from "./summary.ts";
import { type UrlContext, absoluteUrl } from "./urls.ts";

export interface ArticleView {
  record: ArticleRecord;
  summary: ArticleSummary;
  /** Sanitized HTML built from the body tree; one of the few `| safe` values in templates. */
  bodyHtml: string;
  /** Meta description: about 160 characters of the first paragraph. */
  description: string;
  readingMinutes: number;
  byline: BylinePart[];
  tags: Link[];
  /** Responsive image markup; null when there is no image (the caption is still shown). */
  image: PhotoImage | null;
  older: ArticleSummary | null;
  newer: ArticleSummary | null;
  moreInSection: ArticleSummary[];
  canonicalUrl: string;
  /** Serialized NewsArticle JSON-LD, safe inside a script element. */
  jsonLd: string;
}

/** Average adult reading speed used by news sites' "N min read". */
const WORDS_PER_MINUTE = 220;
const DESCRIPTION_LENGTH = 160;

export interface ArticleViewInput {
  archive: Archive;
  contentByFile: ReadonlyMap<string, Root>;
  imagesByFile: ReadonlyMap<string, PhotoImage>;
  site: SiteConfig;
  urls: UrlContext;
}

export function buildArticleViews(input: ArticleViewInput): ArticleView[] {
  const { archive, site, urls } = input;
  const summary = (record: ArticleRecord | null): ArticleSummary | null =>
    record === null ? null : summarize(record, site.sections);

  return archive.records.map((record, i) => {
    const content = input.contentByFile.get(record.source.file);
    if (content === undefined) throw new Error(`internal: no body tree for ${record.source.file}`);
    const own = summarize(record, site.sections);
    const neighbours = archive.neighbours[i];
    const image = input.imagesByFile.get(record.source.file) ?? null;
    const description = excerpt(record.body[0] ?? record.headline, DESCRIPTION_LENGTH);
    const jsonLd = newsArticleJsonLd(
      {
        record,
        sectionName: own.section.text,
        authorUrls: record.authors.map((name) => absoluteUrl(authorUrl(name), urls)),
        imageUrl: image?.url ?? null,
        description,
      },
      site,
      urls,
    );
    return {
      record,
      summary: own,
      bodyHtml: renderBodyHtml(content, urls.pathPrefix),
      description,
      readingMinutes: Math.max(1, Math.round(record.wordCount / WORDS_PER_MINUTE)),
      byline: record.byline === null ? [] : bylineParts(record.byline, record.authors),
      tags: record.tags.map((tag) => ({ text: tag, url: tagUrl(tag) })),
      image,
      older: summary(neighbours?.older ?? null),
      newer: summary(neighbours?.newer ?? null),
      moreInSection: (neighbours?.moreInSection ?? []).flatMap((other) => summary(other) ?? []),
      canonicalUrl: absoluteUrl(record.url, urls),
      jsonLd: serializeJsonLd(jsonLd),
    };
  });
}
