/**
 * Atomic publishing: each build writes its site into a folder of its own in
 * the output's cache folder and publishes it by pointing the output path, a
 * symbolic link, at it (`site-link.ts`), so a failed or killed build leaves
 * the previous site as it was, and readers never see a missing folder.
 *
 * The site folders live in the cache folder, so no marker is written into a
 * site, and two builds of the same input give the same bytes.
 */
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdir, readdir, rename, rm, rmdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readCacheFile } from "../incremental/cache-file.ts";
import { writeAtomically } from "../util/write-atomically.ts";
import { OutputFolderError } from "./check-output.ts";
import { outputKind, pointAt, removeUnusedLink, siteFolder, sitesFolder } from "./site-link.ts";

/** A folder-type output being replaced by the link: where it was moved, to restore it if the build is killed. */
const JOURNAL = "publish-journal.json";
const journalSchema = z.object({ restore: z.string() });

/** A new site folder's id: unique across processes and across builds of one process (`npm run serve`). */
export function newBuildId(): string {
  return `${process.pid}-${randomBytes(6).toString("hex")}`;
}

export interface Staging {
  /** The site folder this build writes. */
  path: string;
  id: string;
  /** The folder is the spare site the last build kept, whose files the build brings up to date. */
  reused: boolean;
  /** The deletion of site folders no build will use, running beside the build. */
  discarded: Promise<void>;
}

/**
 * Cleans up after a killed build: puts back an output folder it had moved
 * aside, and removes its unused link and temporary files. Every build does
 * this first, one that finds nothing changed too.
 */
export async function recover(outDir: string, cacheDir: string): Promise<void> {
  const journal = await readCacheFile(path.join(cacheDir, JOURNAL), journalSchema);
  if (journal !== null) {
    const kind = await outputKind(outDir, cacheDir);
    if (kind.kind === "missing") await rename(journal.restore, outDir).catch(() => undefined);
    await unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined);
  }
  await removeUnusedLink(cacheDir);
  const entries = await readdir(cacheDir).catch(() => []);
  await Promise.all(
    entries.filter((name) => name.endsWith(".tmp")).map((name) => rm(path.join(cacheDir, name), { force: true })),
  );
}

/**
 * Deletes, beside the build (`deleting`), every site
 * folder but the published one and those in `keep`: a killed build's, or a
 * spare site no build will use.
 */
export async function deleteUnusedSites(
  outDir: string,
  cacheDir: string,
  keep: readonly string[],
): Promise<{ deleting: Promise<void> }> {
  const kind = await outputKind(outDir, cacheDir);
  const kept = new Set([...keep, ...(kind.kind === "ours" ? [kind.id] : [])]);
  const unused = (await readdir(sitesFolder(cacheDir)).catch(() => [])).filter((id) => !kept.has(id));
  const deleting = Promise.all(unused.map((id) => removeTree(siteFolder(cacheDir, id)))).then(() => undefined);
  // Awaited by the caller, later: a failure is reported there, not as an unhandled rejection meanwhile.
  deleting.catch(() => undefined);
  return { deleting };
}

/**
 * Makes this build's site folder (after `recover`, which must run before the
 * build writes any temporary file): the spare site
 * `spareId` names when it is there and not published (a rebuild then changes
 * a few of its files instead of linking every unchanged page into an empty
 * folder), else a new empty folder. Other unused site folders are deleted.
 */
export async function prepareStaging(outDir: string, cacheDir: string, spareId: string | null): Promise<Staging> {
  const kind = await outputKind(outDir, cacheDir);
  const live = kind.kind === "ours" ? kind.id : null;
  const reuse =
    spareId !== null && spareId !== live && (await stat(siteFolder(cacheDir, spareId)).catch(() => null)) !== null;
  const id = reuse && spareId !== null ? spareId : newBuildId();
  const { deleting: discarded } = await deleteUnusedSites(outDir, cacheDir, [id]);
  if (!reuse) await mkdir(siteFolder(cacheDir, id), { recursive: true });
  return { path: siteFolder(cacheDir, id), id, reused: reuse, discarded };
}

/**
 * Deletes this build's site folder after a failed build. A writer that has
 * not noticed the failure yet (Eleventy writes a run's pages side by side)
 * may add files meanwhile: the deletion is tried again until the folder is gone.
 */
export async function discardStaging(staging: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await removeTree(staging).catch(() => undefined);
    if ((await stat(staging).catch(() => null)) === null) return;
    await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
  }
  await removeTree(staging);
}

/** Deletes a spare site no build will use. */
export async function discardSpare(cacheDir: string, id: string): Promise<void> {
  await removeTree(siteFolder(cacheDir, id));
}

/**
 * Points the output path at the finished site. The site it replaces is kept
 * as the spare site when `keepSpare` (the caller knows its files), else
 * deleted. Resolves once the new site is in place, with the deletion still
 * running; `spare` is the kept site's id. `beforeSwap` is called just before
 * the new site is put in place (from then on it must not be deleted).
 */
export async function publish(
  staging: Pick<Staging, "id">,
  outDir: string,
  cacheDir: string,
  keepSpare: boolean,
  beforeSwap: () => void = () => undefined,
): Promise<{ removed: Promise<void>; spare: string | null }> {
  const kind = await outputKind(outDir, cacheDir);
  let replaced: string | null = null;
  if (kind.kind === "folder") {
    // A site of an earlier version, or an empty folder: moved aside (journaled, once) and deleted.
    if ((await readdir(outDir)).length === 0) await rmdir(outDir);
    else {
      replaced = siteFolder(cacheDir, `replaced-${staging.id}`);
      await mkdir(path.dirname(replaced), { recursive: true });
      await writeAtomically(path.join(cacheDir, JOURNAL), JSON.stringify({ restore: replaced }));
      await rename(outDir, replaced);
    }
  } else if (kind.kind === "ours") {
    replaced = siteFolder(cacheDir, kind.id);
  } else if (kind.kind !== "missing") {
    throw new OutputFolderError(`refusing to replace ${outDir}: it changed while the site was built; build again`);
  }
  beforeSwap();
  await pointAt(outDir, cacheDir, staging.id);
  await unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined);
  const keep = keepSpare && kind.kind === "ours";
  const removed = replaced === null || keep ? Promise.resolve() : removeTree(replaced);
  return { removed, spare: keep && kind.kind === "ours" ? kind.id : null };
}

/**
 * `rm -rf` where there is one: for a site of 10,000 pages it takes a third
 * of the time Node's recursive `rm` does. Node's is the fallback.
 */
async function removeTree(dir: string): Promise<void> {
  const removed = await new Promise<boolean>((resolve) => {
    execFile("rm", ["-rf", "--", dir], (error) => resolve(error === null));
  });
  if (!removed) await rm(dir, { recursive: true, force: true });
}
