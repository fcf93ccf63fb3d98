/**
 * Article bodies as HTML, built from the mdast tree the ingest stage made:
 * mdast -> hast -> sanitize -> base path -> string. Escaping is structural;
 * seed text is never concatenated into markup.
 */
import type { Root as HastRoot } from "hast";
import type { Root } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { type Processor, unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { withBase } from "./urls.ts";

/**
 * Site-relative links in markdown bodies (`/about/`) point into the site, so
 * they get the base path too. `//host/path` is not site-relative but a link
 * to another host without a scheme, which sanitizing lets through as a
 * relative URL: it is dropped, as every non-http(s) link is. Images whose
 * source was dropped go too: an `<img>` without `src` is broken markup.
 */
function rehypeBasePath() {
  return (tree: HastRoot, file: VFile): void => {
    const pathPrefix = file.data.pathPrefix ?? "/";
    visit(tree, "element", (element, index, parent) => {
      for (const name of ["href", "src", "cite"]) {
        const value = element.properties[name];
        if (typeof value === "string" && /^\s*[/\\]{2}/u.test(value)) delete element.properties[name];
      }
      if (
        element.tagName === "img" &&
        typeof element.properties["src"] !== "string" &&
        parent !== undefined &&
        index !== undefined
      ) {
        parent.children.splice(index, 1);
        return index;
      }
      for (const name of ["href", "src"]) {
        const value = element.properties[name];
        if (typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) {
          element.properties[name] = withBase(value, pathPrefix);
        }
      }
      return undefined;
    });
  };
}

type BodyProcessor = Processor<Root, Root, HastRoot, HastRoot, string>;

declare module "vfile" {
  /** What a body's file carries for the base-path step: the one processor serves every base path. */
  interface DataMap {
    pathPrefix: string;
  }
}

/** GitHub's sanitize schema, with links and sources limited to http(s) and site-relative URLs. */
const schema = {
  ...defaultSchema,
  protocols: { href: ["http", "https"], src: ["http", "https"], cite: ["http", "https"] },
};

// Raw HTML in markdown is dropped by remark-rehype (no allowDangerousHtml);
// sanitize runs after every step that could add markup, and the base-path
// step only rewrites URLs it let through. Made once, it keeps no state of a build.
const processor = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeBasePath)
  .use(rehypeStringify)
  .freeze() as unknown as BodyProcessor;

export function renderBodyHtml(content: Root, pathPrefix: string): string {
  return processor.stringify(processor.runSync(content, new VFile({ data: { pathPrefix } })));
}

/**
 * The mdast of a scraped body: one paragraph of literal text per paragraph
 * (a heading for a subhead), so nothing in it is markup.
 */
export function paragraphsToTree(paragraphs: readonly string[], subheads: readonly number[] = []): Root {
  const heads = new Set(subheads);
  return {
    type: "root",
    children: paragraphs.map((value, n) =>
      heads.has(n)
        ? { type: "heading", depth: 2, children: [{ type: "text", value }] }
        : { type: "paragraph", children: [{ type: "text", value }] },
    ),
  };
}
