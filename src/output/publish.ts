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

/** The site a build replaced, kept in its cache folder to be the next build's staging folder. */
const SPARE = "spare-site";
/** Spare sites that no build could reuse, being deleted. */
const DISCARDED = "discarded-";

export interface Staging {
  path: string;
  /**
   * The folder is the spare site the last build kept (`publish`), whose
   * files the build must bring up to date, rather than an empty folder.
   */
  reused: boolean;
  /** The deletion of spare sites that could not be reused, running beside the build. */
  discarded: Promise<void>;
}

/**
 * Cleans up after a build that was killed (restores the site it had moved
 * aside, deletes its staging folder), then makes the staging folder with
 * this build's marker: the spare site when it is the one `spareBuildId`
 * names (a rebuild then changes a few of its files instead of linking
 * every unchanged page into an empty folder), else an empty folder, any
 * spare site being deleted beside the build.
 */
export async function prepareStaging(
  outDir: string,
  cacheDir: string,
  buildId: string,
  spareBuildId: string | null,
): Promise<Staging> {
  await recover(outDir, cacheDir);
  // Listed before this build sets anything aside there.
  const leftovers = Promise.all((await discardedFolders(cacheDir)).map((folder) => removeTree(folder)));
  // Awaited by the caller, later: a failure is reported there, not as an unhandled rejection meanwhile.
  leftovers.catch(() => undefined);
  const staging = `${outDir}.building-${buildId}`;
  const spare = path.join(cacheDir, SPARE);
  const spareId = await markerOf(spare);
  if (spareId !== undefined && spareId === spareBuildId) {
    // Journaled under the spare's own marker until it carries this build's.
    await writeJournal(cacheDir, { staging: { path: staging, buildId: spareId }, previous: null });
    await rename(spare, staging);
    await writeAtomically(path.join(staging, SITE_MARKER), markerText(buildId));
    await writeJournal(cacheDir, { staging: { path: staging, buildId }, previous: null });
    return { path: staging, reused: true, discarded: leftovers.then(() => undefined) };
  }
  const discarded = (await exists(spare)) ? discardSpare(cacheDir) : Promise.resolve();
  discarded.catch(() => undefined);
  await writeJournal(cacheDir, { staging: { path: staging, buildId }, previous: null });
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, SITE_MARKER), markerText(buildId));
  return { path: staging, reused: false, discarded: Promise.all([leftovers, discarded]).then(() => undefined) };
}

/** Deletes the spare site `publish` kept, set aside first so that a new one can be kept at once. */
export async function discardSpare(cacheDir: string): Promise<void> {
  const aside = path.join(cacheDir, `${DISCARDED}${randomBytes(6).toString("hex")}`);
  await rename(path.join(cacheDir, SPARE), aside);
  await removeTree(aside);
}

function markerText(buildId: string): string {
  return `${JSON.stringify({ tool: TOOL, buildId })}\n`;
}

/** Spare sites set aside and not yet deleted: a killed build may have left some. */
async function discardedFolders(cacheDir: string): Promise<string[]> {
  const entries = await readdir(cacheDir).catch(() => []);
  return entries.filter((name) => name.startsWith(DISCARDED)).map((name) => path.join(cacheDir, name));
}

/** Deletes this build's staging folder after a failed build. */
export async function discardStaging(staging: string, cacheDir: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined);
}

/**
 * Swaps the finished staging folder in place of the output folder. The old
 * site is kept as the spare site when `keepSpare` (the caller knows its
 * files), else deleted. Resolves once the new site is in place, with the
 * deletion still running, so the caller can finish its own work meanwhile
 * and await it; `spare` is the kept site's build id.
 */
export async function publish(
  staging: string,
  outDir: string,
  cacheDir: string,
  buildId: string,
  keepSpare: boolean,
): Promise<{ removed: Promise<void>; spare: string | null }> {
  const replacedId = (await exists(outDir)) ? ((await markerOf(outDir)) ?? null) : undefined;
  const spare = path.join(cacheDir, SPARE);
  // A spare site must carry a marker: the next build reuses it only when it is the one its state names.
  // It is renamed there, so the cache folder must be on the output's file system.
  const keep =
    keepSpare && typeof replacedId === "string" && !(await exists(spare)) && (await sameDevice(outDir, cacheDir));
  const previous = keep ? spare : `${outDir}.previous-${buildId}`;
  const replaced = replacedId === undefined ? null : { path: previous, buildId: replacedId };
  await writeJournal(cacheDir, { staging: { path: staging, buildId }, previous: replaced });
  if (replaced !== null) await rename(outDir, previous);
  await rename(staging, outDir);
  const removed = (replaced === null || keep ? Promise.resolve() : removeTree(previous)).then(() =>
    unlink(path.join(cacheDir, JOURNAL)).catch(() => undefined),
  );
  return { removed, spare: keep ? (replacedId ?? null) : null };
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

async function sameDevice(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([stat(a), stat(b)]);
  return first.dev === second.dev;
}

async function exists(target: string): Promise<boolean> {
  return access(target).then(
    () => true,
    () => false,
  );
}
