/** Site-wide checks on a built folder: link crawling, URL-to-file mapping, Nu validation, page weight. */
import { execFile } from "node:child_process";
import { access, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { selectAll } from "hast-util-select";
import { fromHtml } from "hast-util-from-html";
import { PROJECT_ROOT } from "./helpers.ts";
import { attribute } from "./html.ts";

const run = promisify(execFile);

/** The file a site URL (with its base path) is served from, or null when the URL is outside the base. */
export function fileForUrl(outDir: string, base: string, url: string): string | null {
  const pathname = decodeURI(url.split(/[?#]/)[0] ?? "");
  if (!pathname.startsWith(base)) return null;
  const relative = pathname.slice(base.length);
  return path.join(outDir, ...relative.split("/"), pathname.endsWith("/") ? "index.html" : "");
}

export interface CrawlResult {
  /** Site URLs of every HTML page reached. */
  pages: Set<string>;
  /** Links whose target is not a file of the site. */
  broken: { from: string; href: string }[];
}

/** Follows every root-relative `href` and `src` from `base`, breadth first. */
export async function crawl(outDir: string, base: string): Promise<CrawlResult> {
  const pages = new Set<string>([base]);
  const broken: CrawlResult["broken"] = [];
  const queue = [base];
  const exists = new Map<string, boolean>();
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const file = fileForUrl(outDir, base, url);
    if (file === null) continue;
    const tree = fromHtml(await readFile(file, "utf8"));
    for (const element of selectAll("[href], [src]", tree)) {
      const href = attribute(element, "href") ?? attribute(element, "src") ?? "";
      if (!href.startsWith("/") || href.startsWith("//")) continue;
      const target = fileForUrl(outDir, base, href);
      let ok = exists.get(href);
      if (ok === undefined) {
        ok =
          target !== null &&
          (await access(target).then(
            () => true,
            () => false,
          ));
        exists.set(href, ok);
      }
      if (!ok) broken.push({ from: url, href });
      const page = href.split("#")[0] ?? "";
      if (ok && page.endsWith("/") && !pages.has(page)) {
        pages.add(page);
        queue.push(page);
      }
    }
  }
  return { pages, broken };
}

export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => path.join(e.parentPath, e.name));
}

export interface NuMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
}

/** Runs the W3C Nu validator (vnu.jar from the vnu-jar package) over every HTML file in `dir`. */
export async function validateHtml(dir: string): Promise<NuMessage[]> {
  const jar = path.join(PROJECT_ROOT, "node_modules/vnu-jar/build/dist/vnu.jar");
  const args = ["-jar", jar, "--format", "json", "--stdout", "--skip-non-html", dir];
  const output = await run("java", args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (result) => result.stdout,
    // vnu exits 1 when it reports errors; the report is still on stdout.
    (error: { stdout?: string }) => error.stdout ?? "",
  );
  return (JSON.parse(output) as { messages: NuMessage[] }).messages;
}

/** Gzipped bytes of a page plus its stylesheet, as a first visit downloads them. */
export async function pageWeight(htmlFile: string, cssFile: string): Promise<number> {
  const [html, css] = await Promise.all([readFile(htmlFile), readFile(cssFile)]);
  return gzipSync(html).length + gzipSync(css).length;
}
