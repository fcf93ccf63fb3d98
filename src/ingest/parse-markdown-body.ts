/**
 * Bodies of authored `.md` articles. Parsed once, here, into mdast; the render
 * stage turns that tree into sanitized HTML and never sees the markdown text.
 */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

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
  const body: Root = { ...tree, children: heading === null ? tree.children : tree.children.slice(1) };
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

/** The mdast of a scraped body: one paragraph of literal text per paragraph, so nothing in it is markup. */
export function paragraphsToTree(paragraphs: readonly string[]): Root {
  return {
    type: "root",
    children: paragraphs.map((value) => ({ type: "paragraph", children: [{ type: "text", value }] })),
  };
}
