/**
 * Pages that did not change are hard-linked from the published output into
 * the staging folder instead of being rendered and written again. What is
 * linked (pages whose data did not change) and what a build writes (the
 * other pages, the about, search and 404 pages, data, feeds, sitemap,
 * re-indexed search shards) are different files, so no build writes into
 * a file the published site shares.
 */
import { link, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

const LINK_BATCH = 256;

/** Links `<from><url>index.html` to `<to><url>index.html` for each URL. */
export async function linkPages(from: string, to: string, urls: readonly string[]): Promise<void> {
  await linkFiles(
    from,
    to,
    urls.map((url) => path.join(url, "index.html")),
  );
}

/** Links every file under `<from>/<folder>` into `<to>/<folder>`. */
export async function linkFolder(from: string, to: string, folder: string): Promise<void> {
  const entries = await readdir(path.join(from, folder), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  await linkFiles(from, to, files);
}

/** Links `<from>/<file>` to `<to>/<file>` for each file, in batches; a batch's folders are made first. */
export async function linkFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  for (let start = 0; start < files.length; start += LINK_BATCH) {
    const batch = files.slice(start, start + LINK_BATCH);
    await Promise.all(batch.map((file) => mkdir(path.dirname(path.join(to, file)), { recursive: true })));
    await Promise.all(batch.map((file) => link(path.join(from, file), path.join(to, file))));
  }
}
