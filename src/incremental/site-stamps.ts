/**
 * Stamps of the published site: of each file (inode, size, modification
 * time) and of each folder (inode, change time). A folder's change time
 * moves whenever an entry is added to it, removed or renamed, and no user
 * can set it back; so a folder stamped as before holds the entries it held,
 * and checking the site for changes made by hand needs a `stat` of each
 * folder and file, not a `readdir` of each folder (two to three times the
 * cost of a `stat` here: 2.1–2.6 s against 0.7–1.1 s for the 128,000
 * folders of a 100,000-article site on disk).
 */
import { lstatSync, statSync } from "node:fs";
import { walkFiles } from "../util/files-under.ts";
import { sameStamp } from "../util/same-stamp.ts";
import { pageIn } from "./carried-folders.ts";

/** `[inode, size, mtimeMs]`. */
export type Stamp = [ino: number, size: number, mtimeMs: number];
/** A folder's `[inode, ctimeMs]`. */
export type FolderStamp = [ino: number, ctimeMs: number];
export type SiteStamps = Record<string, Stamp>;
/** Folder path relative to the site (`""`: the site's own) -> its stamp. */
export type FolderStamps = Record<string, FolderStamp>;

/**
 * The stamp of every file and folder under `dir`; none when it does not
 * exist. Synchronous on purpose: nothing else runs while the site is
 * walked, and 23,600 `statSync` calls took 0.22 s where batched promises
 * took 0.7–0.9 s (10,000 articles on /dev/shm). Files whose stamp the
 * caller already knows (`known`: files a build carried over, whose stamps
 * it read before) are not read again, nor are the folders `settled` names
 * (`carried-folders.ts`): only their page is stamped, from `known`, and
 * `also` (files a build may have written into such a folder) are stamped
 * by name; those folders' stamps may come taken earlier (`stamped`:
 * `carried-stamps.ts`). In no set order: sorting 2.4 million paths (a
 * million articles) costs seconds, and nothing needs them sorted.
 */
export function siteStamps(
  dir: string,
  known: Readonly<SiteStamps> = {},
  settled: ReadonlySet<string> = new Set(),
  also: readonly string[] = [],
  stamped: Readonly<FolderStamps> = {},
): { files: SiteStamps; folders: FolderStamps } {
  const files: SiteStamps = {};
  const folders: FolderStamps = {};
  const add = (relative: string): void => {
    const stamp = known[relative] ?? statStamp(`${dir}/${relative}`);
    if (stamp !== undefined) files[relative] = stamp;
  };
  // Stamped before it is read: an entry added meanwhile leaves the folder's stamp behind, and the next build reads it.
  const enter = (folder: string): boolean => {
    const stamp = stamped[folder] ?? folderStamp(`${dir}/${folder}`);
    if (stamp !== undefined) folders[folder] = stamp;
    if (!settled.has(folder)) return true;
    add(pageIn(folder));
    return false;
  };
  if (enter("")) walkFiles(dir, add, enter);
  if (settled.size > 0) for (const file of also) if (files[file] === undefined) add(file);
  return { files, folders };
}

/**
 * How the files under `dir` differ from the stamps a build left there
 * (`files`, `folders`), as `siteStamps` would find them: a file's stamp
 * now, or null when it is gone. Each folder and file is stamped; only a
 * folder whose stamp changed is read, for entries added to it (a folder
 * added is walked whole). Nothing is built for the files as they were
 * (`files` may read them row by row from the state file): at a million
 * articles an object of 2.4 million stamps took longer to make than the
 * stamps took to read.
 */
export function changesSince(
  dir: string,
  files: StampSource,
  folders: Readonly<FolderStamps>,
): Map<string, Stamp | null> {
  const changedFolders: string[] = [];
  for (const folder in folders) {
    const stamp = folderStamp(folder === "" ? dir : `${dir}/${folder}`);
    if (stamp === undefined || !sameStamp(stamp, folders[folder])) changedFolders.push(folder);
  }
  const changes = new Map<string, Stamp | null>();
  files.each((file, was) => {
    // A file replaced by a folder is in a folder whose stamp changed: what it holds is found below.
    const stamp = statStamp(`${dir}/${file}`, true);
    if (stamp === undefined) changes.set(file, null);
    else if (!sameStamp(stamp, was)) changes.set(file, stamp);
  });
  const added = (relative: string): void => {
    if (files.get(relative) !== undefined) return;
    const stamp = statStamp(`${dir}/${relative}`);
    if (stamp !== undefined) changes.set(relative, stamp);
  };
  for (const folder of changedFolders) {
    // Into folders added (and what they hold), not into those stamped, which are checked on their own.
    const under = folder === "" ? "" : `${folder}/`;
    walkFiles(
      folder === "" ? dir : `${dir}/${folder}`,
      (file) => added(under + file),
      (inner) => folders[under + inner] === undefined,
    );
  }
  return changes;
}

/** Files' stamps as `changesSince` reads them: each in turn, or one by its path. */
export interface StampSource {
  each: (visit: (file: string, stamp: Stamp) => void) => void;
  get: (file: string) => Stamp | undefined;
}

/** The stamps of an object as a `StampSource`. */
export function stampsIn(files: Readonly<SiteStamps>): StampSource {
  return {
    each: (visit) => {
      for (const file in files) visit(file, files[file] as Stamp);
    },
    get: (file) => files[file],
  };
}

/** `files` with `changes` made: the same object when there are none. */
export function withChanges(files: SiteStamps, changes: ReadonlyMap<string, Stamp | null>): SiteStamps {
  if (changes.size === 0) return files;
  const now = { ...files };
  for (const [file, stamp] of changes) {
    if (stamp === null) delete now[file];
    else now[file] = stamp;
  }
  return now;
}

/**
 * A file's stamp, through a link as the walk has it. `asFile`: none for a
 * folder, which the walk enters, but one for a link to a folder, which it
 * lists as a file.
 */
function statStamp(file: string, asFile = false): Stamp | undefined {
  const info = statSync(file, { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (asFile && info.isDirectory() && lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() !== true) {
    return undefined;
  }
  return [info.ino, info.size, info.mtimeMs];
}

export function folderStamp(folder: string): FolderStamp | undefined {
  const info = statSync(folder, { throwIfNoEntry: false });
  return info === undefined || !info.isDirectory() ? undefined : [info.ino, info.ctimeMs];
}
