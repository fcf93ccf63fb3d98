/**
 * Pages that did not change are hard-linked from the published output into
 * the staging folder instead of being rendered and written again. Links are
 * made after everything new is written, so no build ever writes into a file
 * the published site shares.
 */
import { linkSync, mkdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";

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

/**
 * Synchronous on purpose: thousands of tiny metadata calls run several times
 * faster in one loop than as promises through the thread pool.
 */
async function linkFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  let made = "";
  for (const file of files) {
    const target = path.join(to, file);
    const folder = path.dirname(target);
    if (folder !== made) mkdirSync(folder, { recursive: true });
    made = folder;
    linkSync(path.join(from, file), target);
  }
}
