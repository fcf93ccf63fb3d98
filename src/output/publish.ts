/**
 * Atomic publishing: the site is written to a staging folder beside the
 * output folder and swapped in only when complete, so a failed or killed
 * build leaves the previous output as it was.
 *
 * Ownership is never read from a folder's name. Each build writes a marker
 * with its build id into its staging folder (so every published site carries
 * one), and records in its cache folder, before each step, which staging and
 * previous folders it is about to create. Only folders named there and
 * carrying the recorded marker are ever deleted or restored.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, readdir, realpath, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readCacheFile } from "../incremental/cache-file.ts";
import { writeAtomically } from "../util/write-atomically.ts";

/** Every build writes this file; older versions of this tool marked their sites with it alone. */
export const BUILT_MARKER = "data/articles.json";
/** This tool's marker at the root of every site and staging folder it makes: `{ tool, buildId }`. */
export const SITE_MARKER = ".ppp-archive-build.json";
const TOOL = "ppp-archive";
const JOURNAL = "publish-journal.json";

/** The output folder may not be written: the message says why and what to do instead. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
}

const markerSchema = z.object({ tool: z.literal(TOOL), buildId: z.string() });
const folderSchema = z.object({ path: z.string(), buildId: z.string().nullable() });
const journalSchema = z.object({ staging: folderSchema.nullable(), previous: folderSchema.nullable() });
type Journal = z.infer<typeof journalSchema>;

/** A new build id: unique across processes and across builds of one process (`npm run serve`). */
export function newBuildId(): string {
  return `${process.pid}-${randomBytes(6).toString("hex")}`;
}

/**
 * Refuses an output folder the build must not replace: a regular file, a
 * mount point (a folder that cannot be renamed), a folder that holds or lies
 * in the seeds folder, or a non-empty folder this tool did not build.
 */
export async function checkOutputFolder(outDir: string, seedsDir: string): Promise<void> {
  const out = await resolveReal(outDir);
  const seeds = await resolveReal(seedsDir);
  if (out === seeds || isInside(seeds, out) || isInside(out, seeds)) {
    const which = out === seeds ? "is" : isInside(out, seeds) ? "holds" : "lies inside";
    throw new OutputFolderError(
      `refusing to build into ${outDir}: it ${which} the seeds folder ${seedsDir}, whose files the build would delete or read as articles; choose an --out folder outside the seeds and a --seeds folder outside the output`,
    );
  }
  const info = await stat(outDir).catch(() => null);
  if (info === null) return;
  if (!info.isDirectory()) {
    throw new OutputFolderError(
      `refusing to build into ${outDir}: it is a file, not a folder; choose a new or empty --out folder`,
    );
  }
  const parent = await stat(path.dirname(out));
  if (parent.dev !== info.dev) {
    throw new OutputFolderError(
      `refusing to build into ${outDir}: it is a mount point, which cannot be swapped for the new site; build into a folder inside it (--out ${path.join(outDir, "site")}) and serve that, or build elsewhere and copy the result`,
    );
  }
  const entries = await readdir(outDir);
  if (
    entries.length > 0 &&
    (await markerOf(outDir)) === undefined &&
    !(await exists(path.join(outDir, BUILT_MARKER)))
  ) {
    throw new OutputFolderError(
      `refusing to replace ${outDir}: it is not empty and holds no ${SITE_MARKER}, so it is not a site this tool built; choose a new or empty --out folder`,
    );
  }
}

/**
 * Cleans up after a build that was killed (restores the site it had moved
 * aside, deletes its staging folder), then makes a fresh staging folder with
 * this build's marker and returns its path.
 */
export async function prepareStaging(outDir: string, cacheDir: string, buildId: string): Promise<string> {
  await recover(outDir, cacheDir);
  const staging = `${outDir}.building-${buildId}`;
  await writeJournal(cacheDir, { staging: { path: staging, buildId }, previous: null });
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, SITE_MARKER), `${JSON.stringify({ tool: TOOL, buildId })}\n`);
  return staging;
}

/** Deletes this build's staging folder after a failed build. */
export async function discardStaging(staging: string, cacheDir: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined);
}

/**
 * Swaps the finished staging folder in place of the output folder. Resolves
 * once the new site is in place, with the removal of the old one still
 * running, so the caller can finish its own work meanwhile and await it.
 */
export async function publish(
  staging: string,
  outDir: string,
  cacheDir: string,
  buildId: string,
): Promise<{ removed: Promise<void> }> {
  const previous = `${outDir}.previous-${buildId}`;
  const replaced = (await exists(outDir)) ? { path: previous, buildId: (await markerOf(outDir)) ?? null } : null;
  await writeJournal(cacheDir, { staging: { path: staging, buildId }, previous: replaced });
  if (replaced !== null) await rename(outDir, previous);
  await rename(staging, outDir);
  const removed = (replaced === null ? Promise.resolve() : removeTree(previous)).then(() =>
    unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined),
  );
  return { removed };
}

/** Undoes what the journal says a killed build left: only folders it names that carry the marker it names. */
async function recover(outDir: string, cacheDir: string): Promise<void> {
  const journal = await readCacheFile(path.join(cacheDir, JOURNAL), journalSchema);
  if (journal === null) return;
  const { previous, staging } = journal;
  if (previous !== null && (await isOurs(previous))) {
    if (await exists(outDir)) await removeTree(previous.path);
    else await rename(previous.path, outDir);
  }
  if (staging !== null && (await isOurs(staging))) await removeTree(staging.path);
  await unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined);
}

/** A folder the journal names, still carrying the build id it recorded (null: a site built before markers). */
async function isOurs(folder: z.infer<typeof folderSchema>): Promise<boolean> {
  if (!(await exists(folder.path))) return false;
  const marker = await markerOf(folder.path);
  return folder.buildId === null ? marker === undefined : marker === folder.buildId;
}

async function markerOf(dir: string): Promise<string | undefined> {
  const text = await readFile(path.join(dir, SITE_MARKER), "utf8").catch(() => null);
  if (text === null) return undefined;
  try {
    const parsed = markerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.buildId : undefined;
  } catch {
    return undefined;
  }
}

async function writeJournal(cacheDir: string, journal: Journal): Promise<void> {
  await writeAtomically(path.join(cacheDir, JOURNAL), JSON.stringify(journal));
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

async function exists(target: string): Promise<boolean> {
  return access(target).then(
    () => true,
    () => false,
  );
}
