/** All parsed seeds -> the archive's records: unique URLs, resolved related links, archive order. */
import type { ParsedSeed } from "../ingest/parse-seed.ts";
import { type Problem, problem, problemText } from "../problems.ts";
import type { ArticleRecord } from "../record.ts";
import { assignUrls } from "./assign-urls.ts";
import { resolveRelated } from "./resolve-related.ts";
import { sortArticles } from "./sort-articles.ts";

export interface Archive {
  /** Newest first, undated last. */
  records: ArticleRecord[];
  problems: Problem[];
}

export function buildArchive(seeds: readonly ParsedSeed[], timeZone: string): Archive {
  const ordered = [...seeds].sort((a, b) => (a.article.source.file < b.article.source.file ? -1 : 1));
  const { records, problems } = assignUrls(ordered);
  const resolved = resolveRelated(records);
  for (const record of resolved) {
    for (const item of record.related) {
      if (item.url === null)
        problems.push(problem(record.source.file, 1, "warning", problemText.relatedNotFound(item.title)));
    }
  }
  return { records: sortArticles(resolved, timeZone), problems };
}
