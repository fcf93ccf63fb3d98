/**
 * One build at a time per output folder: a lock file in the output's cache
 * folder holds the owner's PID. A second build waits for it (or, with
 * `--no-wait`, stops at once); a lock whose owner no longer runs is taken over.
 */
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isRunning } from "./process-alive.ts";

const LOCK_FILE = "build.lock";
const POLL_MS = 200;

/** Another build holds the output folder and the caller would not wait. */
export class OutputBusyError extends Error {
  override name = "OutputBusyError";
  constructor(
    readonly outDir: string,
    readonly owner: number,
  ) {
    super(`another build (process ${owner}) is writing ${outDir}; wait for it, or run without --no-wait to queue`);
  }
}

export interface LockOptions {
  /** Wait for the other build (true) or throw `OutputBusyError` at once. */
  wait: boolean;
  /** Called once when the lock is held by a running build and the caller waits. */
  onWait?: (owner: number) => void;
}

/** Takes the lock of the output folder whose cache folder is `cacheDir`; resolves to its release. */
export async function lockOutput(cacheDir: string, outDir: string, options: LockOptions): Promise<() => Promise<void>> {
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, LOCK_FILE);
  let told = false;
  for (;;) {
    if (await tryCreate(file)) return () => release(file);
    const owner = await ownerOf(file);
    if (owner === null) {
      // A lock file being written reads as empty: give its writer a moment before calling it broken.
      await sleep(POLL_MS);
      if ((await ownerOf(file)) === null) await takeOverStale(file, null);
    } else if (owner !== process.pid && isRunning(owner)) {
      if (!options.wait) throw new OutputBusyError(outDir, owner);
      if (!told) options.onWait?.(owner);
      told = true;
      await sleep(POLL_MS);
    } else {
      await takeOverStale(file, owner);
    }
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The PID in a lock file; null when it is gone or unreadable (a lock being written, or a broken one). */
async function ownerOf(file: string): Promise<number | null> {
  const text = await readFile(file, "utf8").catch(() => null);
  const pid = Number(text?.trim());
  return text === null || !Number.isInteger(pid) || pid <= 0 ? null : pid;
}

/**
 * Moves a stale lock aside. Between reading its owner and moving it, another
 * build may have taken it over: the moved file is checked, and a live lock
 * is put back.
 */
async function takeOverStale(file: string, owner: number | null): Promise<void> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = await ownerOf(aside);
  if (moved !== null && moved !== owner && isRunning(moved)) await rename(aside, file).catch(() => undefined);
  else await unlink(aside).catch(() => undefined);
}

async function release(file: string): Promise<void> {
  if ((await ownerOf(file)) === process.pid) await unlink(file).catch(() => undefined);
}
