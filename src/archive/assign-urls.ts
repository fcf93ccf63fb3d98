/**
 * Gives every article a unique slug and its URL, and the URLs of its author
 * and tag pages. Front-matter slugs are kept
 * as written; derived ones get `-2`, `-3`… on collision, so two seeds with the
 * same headline both get pages and neither overwrites the other.
 */
import { type Problem, problem, problemText } from "../model/problems.ts";
import type { ArticleRecord, SeedArticle } from "../model/record.ts";
import { nameUrls } from "./name-urls.ts";
import { slugify } from "../model/slugify.ts";

export interface AssignedUrls {
  /** In the order given; related links are still unresolved. */
  records: ArticleRecord[];
  problems: Problem[];
}

/** `articles` must come in a stable order (by source file) so suffixes do not move between builds. */
export function assignUrls(articles: readonly SeedArticle[]): AssignedUrls {
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  for (const article of articles) {
    if (article.explicitSlug === null) continue;
    const other = owner.get(article.explicitSlug);
    if (other === undefined) owner.set(article.explicitSlug, article.source.file);
    else
      problems.push(problem(article.source.file, 1, "error", problemText.duplicateSlug(article.explicitSlug, other)));
  }

  const authorUrls = nameUrls(
    articles.flatMap((article) => article.authors),
    "author",
  );
  const tagUrls = nameUrls(
    articles.flatMap((article) => article.tags),
    "tag",
  );
  const records = articles.map((article): ArticleRecord => {
    const { explicitSlug, ...rest } = article;
    const slug =
      explicitSlug ?? claimSlug(owner, derivedSlug(article.headline, article.source.sha256), article.source.file);
    return {
      ...rest,
      slug,
      url: `/${article.section}/${slug}/`,
      authorUrls: article.authors.map((name) => authorUrls.get(name) ?? ""),
      tagUrls: article.tags.map((tag) => tagUrls.get(tag) ?? ""),
    };
  });
  return { records, problems };
}

function derivedSlug(headline: string, sha256: string): string {
  return slugify(headline) || `article-${sha256.slice(0, 8)}`;
}

function claimSlug(owner: Map<string, string>, base: string, file: string): string {
  let slug = base;
  for (let n = 2; owner.has(slug); n++) slug = `${base}-${n}`;
  owner.set(slug, file);
  return slug;
}
