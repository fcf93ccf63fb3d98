/**
 * The output path is a symbolic link to the published site, one of the site
 * folders in the output's cache folder (`sites/<id>`). Publishing renames a
 * new link over it, which the kernel does atomically: at every instant the
 * output path shows the old site or the new one, whole. The link's target is
 * relative, so the output folder and its cache folder can be moved together.
 */
import { lstat, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";

const SITES = "sites";
const NEXT_LINK = "next-link";

/** The folder of the site with this id. */
export function siteFolder(cacheDir: string, id: string): string {
  return path.join(cacheDir, SITES, id);
}

export function sitesFolder(cacheDir: string): string {
  return path.join(cacheDir, SITES);
}

/**
 * What the output path is: missing, a link this tool made (with the id of
 * the site it shows), another link, a folder, or something else.
 */
export type OutputKind =
  | { kind: "missing" }
  | { kind: "ours"; id: string }
  | { kind: "foreign-link"; target: string }
  | { kind: "folder" }
  | { kind: "other" };

export async function outputKind(outDir: string, cacheDir: string): Promise<OutputKind> {
  const info = await lstat(outDir).catch(() => null);
  if (info === null) return { kind: "missing" };
  if (info.isDirectory()) return { kind: "folder" };
  if (!info.isSymbolicLink()) return { kind: "other" };
  const target = await readlink(outDir);
  const resolved = path.resolve(path.dirname(outDir), target);
  const id = path.basename(resolved);
  return resolved === siteFolder(cacheDir, id) && /^[\w.-]+$/u.test(id)
    ? { kind: "ours", id }
    : { kind: "foreign-link", target };
}

/** Points the output path at the site folder `id`, replacing what it pointed at in one rename. */
export async function pointAt(outDir: string, cacheDir: string, id: string): Promise<void> {
  const next = path.join(cacheDir, NEXT_LINK);
  await rm(next, { force: true });
  await symlink(path.relative(path.dirname(outDir), siteFolder(cacheDir, id)), next);
  await rename(next, outDir);
}

/** Removes a link `pointAt` made but a killed build did not rename into place. */
export async function removeUnusedLink(cacheDir: string): Promise<void> {
  await rm(path.join(cacheDir, NEXT_LINK), { force: true });
}
