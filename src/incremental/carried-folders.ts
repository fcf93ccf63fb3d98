/**
 * Folders a build need not read when it stamps the site it has just
 * published: a page's own folder that held that page alone in the last
 * site and whose page was carried over (a hard link, stamped as before).
 * An article is such a folder, so a rebuild after one edit reads a few
 * hundred folders instead of every article's (1.3 million at a million
 * articles, each a `readdir`).
 */
import type { SiteStamps } from "./build-state.ts";

const PAGE = "/index.html";

export function carriedPageFolders(published: Readonly<SiteStamps>, carried: readonly string[]): Set<string> {
  const filesIn = new Map<string, number>();
  const withFolders = new Set<string>();
  for (const file of Object.keys(published)) {
    const end = file.lastIndexOf("/");
    const folder = end < 0 ? "" : file.slice(0, end);
    filesIn.set(folder, (filesIn.get(folder) ?? 0) + 1);
    for (let at = folder.indexOf("/"); at >= 0; at = folder.indexOf("/", at + 1)) withFolders.add(folder.slice(0, at));
  }
  const folders = new Set<string>();
  for (const file of carried) {
    if (!file.endsWith(PAGE)) continue;
    const folder = file.slice(0, -PAGE.length);
    if (filesIn.get(folder) === 1 && !withFolders.has(folder)) folders.add(folder);
  }
  return folders;
}

/** The page of a folder `carriedPageFolders` names. */
export const pageIn = (folder: string): string => `${folder}${PAGE}`;
