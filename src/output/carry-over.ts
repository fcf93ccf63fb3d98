/**
 * Files that did not change are hard-linked from the published output into
 * the staging folder instead of being made and written again. What is
 * linked (pages whose data did not change, search shards and sitemaps made
 * from the same data) and what a build writes (the other pages, the about,
 * search and 404 pages, data, feeds, re-indexed search shards) are
 * different files, so no build writes into a file the published site
 * shares.
 */
import { constants } from "node:fs";
import { copyFile, link, mkdir, rm, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import type { SiteStamps } from "../incremental/build-state.ts";

const LINK_BATCH = 256;

/** A staging folder that is the spare site (`prepareStaging`): what it holds, and what the published site holds. */
export interface ReusedStaging {
  spare: SiteStamps;
  published: SiteStamps;
  /** Files this build already put in it (its marker, the photos): they stay. */
  placed: ReadonlySet<string>;
}

/**
 * Links each of `carried` (paths relative to the sites) from the published
 * site into the staging folder. A reused staging folder already holds most
 * of them, as the same files (inodes) the published site has: those stay,
 * and every other file in it is deleted first, with the folders that
 * leaves empty. Resolves once the folder holds nothing the build may write
 * into, with the linking still running (file-system work, beside the
 * rendering).
 */
export async function carryOver(
  from: string,
  to: string,
  carried: readonly string[],
  reused: ReusedStaging | null,
): Promise<{ linked: Promise<void> }> {
  if (reused === null) return { linked: linkFiles(from, to, carried) };
  const { spare, published, placed } = reused;
  const inPlace = new Set(
    carried.filter((file) => spare[file] !== undefined && spare[file][0] === published[file]?.[0]),
  );
  const stale = Object.keys(spare).filter((file) => !inPlace.has(file) && !placed.has(file));
  await inBatches(stale, (file) => unlink(path.join(to, file)).catch(ignoreMissing));
  await removeEmptyFolders(to, stale);
  return {
    linked: linkFiles(
      from,
      to,
      carried.filter((file) => !inPlace.has(file)),
    ),
  };
}

/**
 * Links `<from>/<file>` to `<to>/<file>` for each file, in batches; a
 * batch's folders are made first. A file already at `<to>/<file>` is
 * replaced by the link: linking writes no file's content, so replacing
 * one is always safe.
 */
export async function linkFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  await placeFiles(from, to, files, linkReplacing);
}

/**
 * Copies `<from>/<file>` to `<to>/<file>` for each file (a reflink where the
 * file system makes one), as `linkFiles` links them. A file already there is
 * removed first, not written into: the spare site may share it with another site.
 */
export async function copyFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  await placeFiles(from, to, files, async (source, target) => {
    await rm(target, { force: true });
    await copyFile(source, target, constants.COPYFILE_FICLONE);
  });
}

async function placeFiles(
  from: string,
  to: string,
  files: readonly string[],
  place: (source: string, target: string) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < files.length; start += LINK_BATCH) {
    const batch = files.slice(start, start + LINK_BATCH);
    await Promise.all(batch.map((file) => mkdir(path.dirname(path.join(to, file)), { recursive: true })));
    await Promise.all(batch.map((file) => place(path.join(from, file), path.join(to, file))));
  }
}

async function linkReplacing(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    await unlink(target);
    await link(source, target);
  }
}

async function inBatches(items: readonly string[], action: (item: string) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += LINK_BATCH) {
    await Promise.all(items.slice(start, start + LINK_BATCH).map(action));
  }
}

/**
 * Removes the folders of `files`, and their parents, that are empty now:
 * one depth at a time, deepest first. A folder that still holds files
 * stays (`rmdir` refuses it).
 */
async function removeEmptyFolders(root: string, files: readonly string[]): Promise<void> {
  const byDepth: Set<string>[] = [];
  for (const file of files) {
    const parts = file.split("/");
    for (let depth = parts.length - 1; depth > 0; depth--) {
      (byDepth[depth] ??= new Set()).add(parts.slice(0, depth).join("/"));
    }
  }
  for (let depth = byDepth.length - 1; depth > 0; depth--) {
    await inBatches([...(byDepth[depth] ?? [])], (folder) => rmdir(path.join(root, folder)).catch(() => undefined));
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
