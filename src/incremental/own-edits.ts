/**
 * Seeds edited since the kept archive (`kept-archive.ts`) only where their
 * own articles show it: a paragraph after the first, a related teaser, a
 * line added above the related list. Their articles read to the archive
 * (slugs, order, lists, related links) and to every other page (summaries,
 * photos) as before, so the archive can be restored, and only their own
 * pages, search shards and data files change.
 */
import type { SeedListing } from "../ingest/list-seeds.ts";
import type { SeedArticle } from "../model/record.ts";
import { slugify } from "../model/slugify.ts";
import { digestJson } from "./digest.ts";
import type { KeptArchive } from "./kept-archive.ts";
import { crawlJson } from "./record-rows.ts";

/**
 * What of an article the archive and other pages read: all but its body
 * after the first paragraph, the related items' teasers and lines, and its
 * seed's digest (unless its slug falls back on it); with the photo file it
 * shows (`image`, as `placeImages` found it).
 */
export function outwardKey(article: SeedArticle, image: string | null): string {
  const { body, markdown: _m, subheads: _s, wordCount: _w, truncated: _t, source, related, photo, ...rest } = article;
  const { sha256, ...place } = source;
  return digestJson([
    rest,
    place,
    // A headline that makes no slug gives the article `article-<digest>`.
    slugify(article.headline) === "" ? sha256 : null,
    related.map(({ line: _l, teaser: _te, ...item }) => item),
    photo === null ? null : { ...photo, image },
    body[0] ?? null,
  ]);
}

/** An earlier parse of a seed: its article (null: it was left out), if the record cache still has it. */
export type EarlierArticle = (file: string, sha256: string, crawl: string | null) => SeedArticle | null | undefined;

/**
 * Before the seeds are read: the seeds of `listing` that may have changed
 * since the kept archive, each with the outward key its article had there
 * (null: it had none). Null when the archive cannot be restored whatever
 * they hold: seeds added or removed, an earlier parse the record cache no
 * longer has, or so many changed that assembling the archive costs no more.
 */
export function editedSince(
  kept: KeptArchive,
  listing: SeedListing,
  earlier: EarlierArticle,
): Map<string, string | null> | null {
  const { files, known, manifest } = listing;
  if (files.length !== kept.seeds.size) return null;
  const changed: string[] = [];
  for (const file of files) {
    const was = kept.seeds.get(file);
    if (was === undefined) return null;
    const sha256 = known.get(file);
    const crawl = crawlJson({ file, sha256: "", crawl: manifest.entries.get(file) });
    if (sha256 !== was.sha256 || crawl !== was.crawl) changed.push(file);
  }
  if (changed.length > Math.max(MOST_EDITED, files.length / 10)) return null;
  const before = new Map<string, string | null>();
  for (const file of changed) {
    const was = kept.seeds.get(file);
    const article = was === undefined ? undefined : earlier(file, was.sha256, was.crawl);
    if (article === undefined) return null;
    before.set(file, article === null ? null : outwardKey(article, kept.photos.get(file) ?? null));
  }
  return before;
}

/** Edited seeds up to which the archive is restored however few seeds there are. */
const MOST_EDITED = 100;

/** Whether each seed of `before` (`editedSince`) reads to the archive as it did, given the articles now. */
export function readAsBefore(before: ReadonlyMap<string, string | null>, articles: readonly SeedArticle[]): boolean {
  if (before.size === 0) return true;
  const now = new Map<string, string>();
  for (const article of articles) {
    if (before.has(article.source.file))
      now.set(article.source.file, outwardKey(article, article.photo?.image ?? null));
  }
  for (const [file, key] of before) if ((now.get(file) ?? null) !== key) return false;
  return true;
}
