/** The seed files of a seeds folder, and warnings for what looks like a seed but is not read. */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { type Problem, problemText, skipFinding } from "../model/problems.ts";

const SEED_FILE = /\.(?:txt|md)$/i;

/**
 * The seed files under `dir` (relative, `/`-separated, sorted, from every subfolder), and warnings for what looks like a seed but is
 * not read: a symbolic link (seeds are read only from real files inside the
 * folder), or a file whose name is not UTF-8 (it cannot be named in the site).
 */
export async function findSeedFiles(dir: string): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  // Folder by folder, so that one that cannot be read is skipped with a warning, as an unreadable file is.
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const listed = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (folder === dir) throw error;
      problems.push(skipped(relativeTo(dir, folder), problemText.unreadableFolder(error.code ?? error.message)));
      return [];
    });
    // Made once a folder: a million names each made relative cost seconds.
    const under = folder === dir ? "" : `${relativeTo(dir, folder)}/`;
    for (const entry of listed) {
      if (entry.isDirectory()) {
        folders.push(path.join(folder, entry.name));
        continue;
      }
      if (entry.name.startsWith(".")) continue;
      const file = under + entry.name;
      if (entry.isSymbolicLink()) problems.push(skipped(file, problemText.symbolicLink()));
      else if (!entry.isFile() || !SEED_FILE.test(entry.name)) continue;
      else if (file.includes("\uFFFD")) problems.push(skipped(file, problemText.fileNameNotUtf8()));
      else files.push(file);
    }
  }
  return { files: files.sort(), problems: problems.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

/** `folder` relative to `dir`, `/`-separated. */
function relativeTo(dir: string, folder: string): string {
  return path.relative(dir, folder).split(path.sep).join("/");
}

export function skipped(file: string, text: Parameters<typeof skipFinding>[1]): Problem {
  return { file, ...skipFinding(1, text) };
}
