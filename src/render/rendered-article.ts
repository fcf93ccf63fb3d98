/** What templates receive per article: the record and its body HTML, kept apart. */
import type { Root } from "mdast";
import type { ArticleRecord } from "../record.ts";
import { renderBodyHtml } from "./body-html.ts";

export interface RenderedArticle {
  record: ArticleRecord;
  /** Sanitized HTML built from the body tree; the only `| safe` value in templates. */
  bodyHtml: string;
}

export function renderArticles(
  records: readonly ArticleRecord[],
  contentByFile: ReadonlyMap<string, Root>,
): RenderedArticle[] {
  return records.map((record) => {
    const content = contentByFile.get(record.source.file);
    if (content === undefined) throw new Error(`internal: no body tree for ${record.source.file}`);
    return { record, bodyHtml: renderBodyHtml(content) };
  });
}
