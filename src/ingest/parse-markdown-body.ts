/**
 * Bodies of authored `.md` articles. Parsed once, here, into mdast; the render
 * stage turns that tree into sanitized HTML and never sees the markdown text.
 */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { MARKDOWN_LIMITS, type MarkdownLimit } from "../model/markdown-limits.ts";

/** The first limit the markdown breaks, with the line to point at; null when it keeps them all. */
export function markdownLimit(markdown: string, firstLine: number): MarkdownLimit | null {
  const bytes = Buffer.byteLength(markdown);
  if (bytes > MARKDOWN_LIMITS.bytes) return { kind: "bytes", line: firstLine, value: bytes };
  let brackets = 0;
  const lines = markdown.split("\n");
  for (const [i, line] of lines.entries()) {
    const depth = nestingDepth(line);
    if (depth > MARKDOWN_LIMITS.nesting) return { kind: "nesting", line: firstLine + i, value: depth };
    for (const char of line) if (char === "[") brackets++;
    if (brackets > MARKDOWN_LIMITS.brackets) return { kind: "brackets", line: firstLine + i, value: brackets };
  }
  return null;
}

/** Block quote and list markers opening a line, plus its indentation in steps of two: how deep it nests. */
function nestingDepth(line: string): number {
  const containers = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/u.exec(line)?.[0] ?? "";
  const markers = containers.replace(/[ \t\d]/gu, "").length;
  const indent = /^[ \t]*/u.exec(line)?.[0].length ?? 0;
  return markers + Math.floor(indent / 2);
}

export interface MarkdownBody {
  /** Text of a leading `# heading`, which then serves as the headline. */
  heading: string | null;
  /** The body tree without that heading. */
  tree: Root;
  /** Plain text of each text block (paragraph, heading, list-item paragraph, code), for search, word counts and descriptions. */
  paragraphs: string[];
}

const parser = unified().use(remarkParse);

export function parseMarkdownBody(markdown: string): MarkdownBody {
  const tree = parser.parse(markdown);
  const first = tree.children[0];
  const heading = first?.type === "heading" && first.depth === 1 ? toString(first) : null;
  const body: Root = { type: "root", children: heading === null ? tree.children : tree.children.slice(1) };
  // Positions are only for parse errors: without them the tree is half the size in the record cache.
  visit(body, (node) => {
    delete node.position;
  });
  return { heading, tree: body, paragraphs: textBlocks(body) };
}

function textBlocks(tree: Root): string[] {
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "code" && node.type !== "tableCell")
      return undefined;
    // Raw HTML is dropped from the page and image alt text is not shown as text, so neither is body text.
    const text = toString(node, { includeHtml: false, includeImageAlt: false });
    if (text.trim() !== "") blocks.push(text);
    // A block's own text includes its children's: do not visit them again.
    return "skip";
  });
  return blocks;
}
