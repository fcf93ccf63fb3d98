/**
 * Article bodies as HTML, built from the mdast tree the ingest stage made:
 * mdast -> hast -> sanitize -> string. Escaping is structural; seed text is
 * never concatenated into markup.
 */
import type { Root } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// Built once and reused. Raw HTML in markdown is dropped by remark-rehype
// (no allowDangerousHtml); sanitize runs last, after every step that could add markup.
const processor = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

export function renderBodyHtml(content: Root): string {
  return processor.stringify(processor.runSync(content));
}
