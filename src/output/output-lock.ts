/**
 * One build at a time per output folder, by an OS file lock: an exclusive
 * SQLite transaction on a lock file in the output's cache folder (SQLite
 * takes POSIX record locks). The kernel drops it when its process ends,
 * however it ends, so no lock is ever stale, and a PID reused after a crash
 * or a reboot cannot hold one. Another connection, in this process or
 * another, gets "busy" until it is released. The owner's PID is written
 * beside it for the waiting message only; it never decides anything.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { writeAtomically } from "../util/write-atomically.ts";

const LOCK_FILE = "build-lock.sqlite";
const OWNER_FILE = "build-owner";
/** Earlier versions' lock (a PID in a text file); it locks nothing and is removed. */
const OLD_LOCK_FILE = "build.lock";
const POLL_MS = 200;
const SQLITE_BUSY = 5;
/** Locks held by this process: a connection that is garbage-collected closes, and its lock goes with it. */
const holding = new Set<DatabaseSync>();

/** Another build holds the output folder and the caller would not wait. */
export class OutputBusyError extends Error {
  override name = "OutputBusyError";
  readonly outDir: string;
  readonly owner: number | null;
  constructor(outDir: string, owner: number | null) {
    super(`another build (${ownerText(owner)}) is writing ${outDir}; wait for it, or run without --no-wait to queue`);
    this.outDir = outDir;
    this.owner = owner;
  }
}

export function ownerText(owner: number | null): string {
  return owner === null ? "process unknown" : `process ${owner}`;
}

export interface LockOptions {
  /** Wait for the other build (true) or throw `OutputBusyError` at once. */
  wait: boolean;
  /** Called once when the lock is held by another build and the caller waits. */
  onWait?: (owner: number | null) => void;
}

/** Takes the lock of the output folder whose cache folder is `cacheDir`; resolves to its release. */
export async function lockOutput(cacheDir: string, outDir: string, options: LockOptions): Promise<() => Promise<void>> {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, LOCK_FILE);
  let told = false;
  for (;;) {
    const held = tryLock(file);
    if (held !== null) {
      holding.add(held);
      rmSync(path.join(cacheDir, OLD_LOCK_FILE), { force: true });
      await writeAtomically(path.join(cacheDir, OWNER_FILE), `${process.pid}\n`);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        rmSync(path.join(cacheDir, OWNER_FILE), { force: true });
        holding.delete(held);
        held.close();
      };
    }
    const owner = ownerOf(cacheDir);
    if (!options.wait) throw new OutputBusyError(outDir, owner);
    if (!told) options.onWait?.(owner);
    told = true;
    await sleep(POLL_MS);
  }
}

/** The lock's open connection inside its exclusive transaction, or null when another connection holds it. */
function tryLock(file: string): DatabaseSync | null {
  const db = new DatabaseSync(file, { timeout: 0 });
  try {
    db.exec("BEGIN EXCLUSIVE");
    return db;
  } catch (error) {
    db.close();
    if ((error as { errcode?: number }).errcode === SQLITE_BUSY) return null;
    throw error;
  }
}

function ownerOf(cacheDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(cacheDir, OWNER_FILE), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
