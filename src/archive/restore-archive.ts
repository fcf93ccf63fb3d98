/**
 * The archive again from what an earlier build's archive added to each
 * article (`ArchiveShape`), when every article still reads to the archive
 * as it did then (`own-edits.ts`): the slugs, author, tag and related URLs
 * and the archive order are that build's, and only the lists, pages and
 * neighbours are assembled anew. Equal to `buildArchive` of the same
 * articles (a test compares them), for a fraction of its time: deriving
 * slugs and URLs and matching related titles is most of it.
 */
import type { ArticleRecord, SeedArticle } from "../model/record.ts";
import { type Archive, type ArchiveOptions, assembleArchive } from "./build-archive.ts";

/** What the archive added to one article, and where it put it. */
export interface ArchiveAdditions {
  file: string;
  slug: string;
  authorUrls: string[];
  tagUrls: string[];
  /** The URL each related item links to, in order; null when no article matched. */
  relatedUrls: (string | null)[];
}

/** Every article's additions, in archive order. */
export type ArchiveShape = readonly ArchiveAdditions[];

/** What `buildArchive` added to each of `archive`'s articles, in archive order. */
export function archiveShape(archive: Pick<Archive, "records">): ArchiveAdditions[] {
  return archive.records.map((record) => ({
    file: record.source.file,
    slug: record.slug,
    authorUrls: record.authorUrls,
    tagUrls: record.tagUrls,
    relatedUrls: record.related.map((item) => item.url),
  }));
}

/**
 * The archive of `articles` with the additions of `shape`, which must name
 * exactly their files; null when it does not.
 */
export function restoreArchive(
  articles: readonly SeedArticle[],
  shape: ArchiveShape,
  options: ArchiveOptions,
): Archive | null {
  if (articles.length !== shape.length) return null;
  const byFile = new Map(articles.map((article) => [article.source.file, article]));
  const records: ArticleRecord[] = [];
  for (const additions of shape) {
    const article = byFile.get(additions.file);
    if (article === undefined || article.related.length !== additions.relatedUrls.length) return null;
    records.push(withAdditions(article, additions));
  }
  // Published builds have no errors, so `assignUrls` raised none when it made these additions.
  return assembleArchive(records, [], options);
}

/** The record `assignUrls` and `resolveRelated` make of `article`, keys in their order. */
function withAdditions(
  article: SeedArticle,
  { slug, authorUrls, tagUrls, relatedUrls }: ArchiveAdditions,
): ArticleRecord {
  const { explicitSlug: _, ...rest } = article;
  const record: ArticleRecord = { ...rest, slug, url: `/${article.section}/${slug}/`, authorUrls, tagUrls };
  if (rest.related.length === 0) return record;
  return { ...record, related: rest.related.map((item, i) => ({ ...item, url: relatedUrls[i] ?? null })) };
}
