/** Reading built pages with a real HTML parser (parse5 via hast), never regexes. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";
import type { Element as XmlElement, Root as XmlRoot } from "xast";

export interface Page {
  tree: Root;
  one(selector: string): Element | undefined;
  all(selector: string): Element[];
  /** Text content of the first match, or undefined. */
  text(selector: string): string | undefined;
}

export async function readPage(outDir: string, url: string): Promise<Page> {
  const file = path.join(outDir, ...decodeURI(url).split("/"), url.endsWith("/") ? "index.html" : "");
  const tree = fromHtml(await readFile(file, "utf8"));
  return {
    tree,
    one: (selector) => select(selector, tree),
    all: (selector) => selectAll(selector, tree),
    text: (selector) => {
      const node = select(selector, tree);
      return node === undefined ? undefined : toText(node, { whitespace: "pre" });
    },
  };
}

export function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name];
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(" ") : String(value);
}

/** Elements of an XML tree with the given local name, in document order. */
export function xmlElements(node: XmlRoot | XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.name === name) found.push(child);
    found.push(...xmlElements(child, name));
  }
  return found;
}
