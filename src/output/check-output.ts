/**
 * Which output paths a build may replace. Ownership is never read from a
 * name or from what a folder happens to hold (a Hugo project has a `data/`
 * folder too): the output path is this tool's when it is a link into its own
 * cache folder (`site-link.ts`), or a folder carrying the marker earlier
 * versions of this tool wrote.
 */
import { constants } from "node:fs";
import { access, readFile, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { outputKind } from "./site-link.ts";

/** The marker earlier versions wrote at the root of each site. */
const OLD_SITE_MARKER = ".ppp-archive-build.json";
const TOOL = "ppp-archive";

/** The output folder may not be written: the message says why and what to do instead. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
}

/**
 * Refuses an output path the build must not replace: a regular file, a link
 * this tool did not make, a mount point, a folder that holds or lies in the
 * seeds folder, or a non-empty folder this tool did not build.
 */
export async function checkOutputFolder(outDir: string, seedsDir: string, cacheDir: string): Promise<void> {
  const out = await resolveReal(outDir);
  const seeds = await resolveReal(seedsDir);
  if (out === seeds || isInside(seeds, out) || isInside(out, seeds)) {
    const which = out === seeds ? "is" : isInside(out, seeds) ? "holds" : "lies inside";
    throw new OutputFolderError(
      `refusing to build into ${outDir}: it ${which} the seeds folder ${seedsDir}, whose files the build would delete or read as articles; choose an --out folder outside the seeds and a --seeds folder outside the output`,
    );
  }
  await checkWritable(outDir);
  const kind = await outputKind(outDir, cacheDir);
  const refuse = (why: string, instead = "choose a new or empty --out folder"): OutputFolderError =>
    new OutputFolderError(
      `refusing to ${kind.kind === "folder" ? "replace" : "build into"} ${outDir}: ${why}; ${instead}`,
    );
  if (kind.kind === "other") throw refuse("it is a file, not a folder");
  if (kind.kind === "foreign-link")
    throw refuse(`it is a symbolic link to ${kind.target}, which this tool did not make`);
  if (kind.kind !== "folder") return;
  const info = await stat(outDir);
  if ((await stat(path.dirname(out))).dev !== info.dev) {
    throw refuse(
      "it is a mount point, which cannot be swapped for the new site",
      `build into a folder inside it (--out ${path.join(outDir, "site")}) and serve that, or build elsewhere and copy the result`,
    );
  }
  if ((await readdir(outDir)).length > 0 && !(await hasOldMarker(outDir))) {
    throw refuse("it is not empty and is not a site this tool built");
  }
}

async function hasOldMarker(dir: string): Promise<boolean> {
  const text = await readFile(path.join(dir, OLD_SITE_MARKER), "utf8").catch(() => null);
  if (text === null) return false;
  try {
    return (JSON.parse(text) as { tool?: unknown }).tool === TOOL;
  } catch {
    return false;
  }
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
async function resolveReal(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const real = await realpath(absolute).catch(() => null);
  if (real !== null) return real;
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(await resolveReal(parent), path.basename(absolute));
}

function isInside(parent: string, child: string): boolean {
  return child.startsWith(`${parent}${path.sep}`);
}

/**
 * The build writes beside the output (its site folders live in the cache
 * folder there): the nearest existing folder above it must be writable.
 * Node's recursive mkdir reports a read-only file system as ENOENT.
 */
async function checkWritable(outDir: string): Promise<void> {
  let folder = path.dirname(path.resolve(outDir));
  while ((await stat(folder).catch(() => null)) === null && path.dirname(folder) !== folder)
    folder = path.dirname(folder);
  const error = await access(folder, constants.W_OK).then(
    () => null,
    (failure: NodeJS.ErrnoException) => failure,
  );
  if (error === null) return;
  const why =
    error.code === "EROFS" ? "is on a read-only file system" : `cannot be written (${error.code ?? error.message})`;
  throw new OutputFolderError(
    `cannot build into ${outDir}: ${folder} ${why}, and the build writes there; choose an --out folder on a writable disk`,
  );
}
