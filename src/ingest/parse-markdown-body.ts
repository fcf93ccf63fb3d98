/**
 * Bodies of authored `.md` articles. Parsed once, here, into mdast; the render
 * stage turns that tree into sanitized HTML and never sees the markdown text.
 */
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";

export interface MarkdownBody {
  /** Text of a leading `# heading`, which then serves as the headline. */
  heading: string | null;
  /** The body tree without that heading. */
  tree: Root;
  /** Plain text of each top-level block, for search, word counts and descriptions. */
  paragraphs: string[];
}

const parser = unified().use(remarkParse);

export function parseMarkdownBody(markdown: string): MarkdownBody {
  const tree = parser.parse(markdown);
  const first = tree.children[0];
  const heading = first?.type === "heading" && first.depth === 1 ? toString(first) : null;
  const children = heading === null ? tree.children : tree.children.slice(1);
  return {
    heading,
    tree: { ...tree, children },
    paragraphs: children.filter((node) => node.type !== "html").map((node: RootContent) => toString(node)).filter((text) => text.trim() !== ""),
  };
}

/** The mdast of a scraped body: one paragraph of literal text per paragraph, so nothing in it is markup. */
export function paragraphsToTree(paragraphs: readonly string[]): Root {
  return {
    type: "root",
    children: paragraphs.map((value) => ({ type: "paragraph", children: [{ type: "text", value }] })),
  };
}
