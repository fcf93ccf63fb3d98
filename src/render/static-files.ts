/**
 * A site's own files (`CNAME`, a search-console verification file, a
 * `.well-known/` entry) live in a folder the build copies into every site it
 * publishes, as they are: `static/` unless `--static` names another. A file
 * where the archive has its own pages or files is left out with a warning.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { type Problem, finding, problemText } from "../model/problems.ts";
import { isSitePath } from "../model/reserved-sections.ts";
import { regularFilesUnder } from "../util/files-under.ts";

export interface StaticFile {
  /** Absolute path of the file to copy. */
  source: string;
  /** Its path in the site, `/`-separated. */
  target: string;
}

export interface StaticFiles {
  files: StaticFile[];
  /** Path, size and modification time of each: a changed file makes the next build copy again. */
  stamps: [string, number, number][];
  problems: Problem[];
}

/** The files under `dir` (none when it does not exist), less those that would replace the archive's. */
export async function findStaticFiles(dir: string, sections: Iterable<string>, seedsDir: string): Promise<StaticFiles> {
  const found: StaticFiles = { files: [], stamps: [], problems: [] };
  const taken = new Set(sections);
  // In path order: the stamps are hashed, and two files of one name in two folders must not swap places.
  for (const target of regularFilesUnder(dir)) {
    const source = path.join(dir, target);
    const first = (target.split("/")[0] ?? "").replace(/\.[^.]*$/u, "");
    if (taken.has(first) || isSitePath(first)) {
      found.problems.push({
        file: path.relative(seedsDir, source),
        ...finding(1, "warning", problemText.staticFileTaken(target, first, dir)),
      });
      continue;
    }
    const info = await stat(source);
    found.files.push({ source, target });
    found.stamps.push([target, info.size, info.mtimeMs]);
  }
  return found;
}

/**
 * Files put into the published site by hand, which a build does not keep
 * (it publishes a new site whole): a warning each that says where they belong.
 */
export function handAddedFiles(files: readonly string[], outDir: string, dir: string, seedsDir: string): Problem[] {
  return files.map((file) => ({
    file: path.relative(seedsDir, path.join(outDir, file)),
    ...finding(1, "warning", problemText.handAddedFile(file, dir)),
  }));
}
