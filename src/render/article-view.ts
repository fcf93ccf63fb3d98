/** Everything an article page shows, computed once per article for the template. */
import type { Archive } from "../archive/build-archive.ts";
import { type ArticleRecord, type RecordWithoutBody, withoutBody } from "../model/record.ts";
import type { SiteConfig } from "../model/site-config.ts";
import { paragraphsToTree, renderBodyHtml } from "./body-html.ts";
import { excerpt } from "./excerpt.ts";
import type { PhotoImage } from "./images.ts";
import { newsArticleJsonLd, serializeJsonLd } from "./json-ld.ts";
import { type ArticleSummary, type BylinePart, type Link, type Summaries, bylineParts } from "./summary.ts";
import { type UrlContext, absoluteUrl } from "./urls.ts";

export interface ArticleView {
  /** Without the body, which the page shows as `bodyHtml` (every view is copied to a render thread). */
  record: RecordWithoutBody;
  summary: ArticleSummary;
  /** Sanitized HTML built from the body tree; one of the few `| safe` values in templates. */
  bodyHtml: string;
  /** Meta description: about 160 characters of the standfirst, else of the first paragraph. */
  description: string;
  readingMinutes: number;
  byline: BylinePart[];
  /** Whether the byline reads `By …`: not when it says the person's part (`Photo Essay by …`, `Courtesy of …`). */
  byPrefix: boolean;
  tags: Link[];
  /** Responsive image markup; null when there is no image (the caption is still shown). */
  image: PhotoImage | null;
  older: ArticleSummary | null;
  newer: ArticleSummary | null;
  moreInSection: ArticleSummary[];
  canonicalUrl: string;
  /** Serialized NewsArticle JSON-LD, safe inside a script element. */
  jsonLd: string;
  related: RelatedView[];
}

export type RelatedView = ArticleRecord["related"][number] & {
  /** The teaser stops mid-sentence (the Post cut it off), so the page shows an ellipsis. */
  teaserCut: boolean;
};

/** Average adult reading speed used by news sites' "N min read". */
const WORDS_PER_MINUTE = 220;
export const DESCRIPTION_LENGTH = 160;

export interface ArticleViewInput {
  archive: Archive;
  imagesByFile: ReadonlyMap<string, PhotoImage>;
  /** The build's summaries of articles: each made once, shown on many pages. */
  summaries: Summaries;
  site: SiteConfig;
  urls: UrlContext;
}

/** Views of the articles at these positions of `archive.records`. */
export function buildArticleViews(input: ArticleViewInput, indices: readonly number[]): ArticleView[] {
  return indices.map((i) => {
    const record = input.archive.records[i];
    if (record === undefined) throw new Error(`internal: no article at ${i}`);
    const tree = record.markdown ?? paragraphsToTree(record.body, record.subheads);
    return { ...pageData(input, record, i), bodyHtml: renderBodyHtml(tree, input.urls.pathPrefix) };
  });
}

function pageData(input: ArticleViewInput, record: ArticleRecord, i: number): Omit<ArticleView, "bodyHtml"> {
  const { archive, site, urls } = input;
  const summary = (other: ArticleRecord | null): ArticleSummary | null =>
    other === null ? null : input.summaries.of(other);
  const own = input.summaries.of(record);
  const neighbours = archive.neighbours[i];
  const image = input.imagesByFile.get(record.source.file) ?? null;
  const description = excerpt(record.standfirst ?? record.body[0] ?? record.headline, DESCRIPTION_LENGTH);
  const jsonLd = newsArticleJsonLd(
    {
      record,
      sectionName: own.section.text,
      authorUrls: record.authorUrls.map((url) => absoluteUrl(url, urls)),
      imageUrl: image?.url ?? null,
      description,
    },
    site,
    urls,
  );
  return {
    record: withoutBody(record),
    summary: own,
    description,
    readingMinutes: Math.max(1, Math.round(record.wordCount / WORDS_PER_MINUTE)),
    byline: record.byline === null ? [] : bylineParts(record.byline, record.authors, record.authorUrls),
    byPrefix: record.byline === null || !/^(?:[^;]*?\bby|courtesy\s+of)\s/iu.test(record.byline),
    tags: record.tags.map((tag, i) => ({ text: tag, url: record.tagUrls[i] ?? "" })),
    image,
    older: summary(neighbours?.older ?? null),
    newer: summary(neighbours?.newer ?? null),
    moreInSection: (neighbours?.moreInSection ?? []).flatMap((other) => summary(other) ?? []),
    canonicalUrl: absoluteUrl(record.url, urls),
    jsonLd: serializeJsonLd(jsonLd),
    related: record.related.map((item) => ({ ...item, teaserCut: item.teaser !== null && isCut(item.teaser) })),
  };
}

/** Text that does not end a sentence: no closing punctuation, quote or ellipsis. */
export function isCut(text: string): boolean {
  return !/[.!?…:;)\]"'”’»]\s*$/u.test(text);
}
