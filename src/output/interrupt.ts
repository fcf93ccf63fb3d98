/**
 * What a running build must undo when the process is stopped (Ctrl-C,
 * SIGTERM) or fails outside any promise the build awaits: remove its site
 * folder, so that nothing but the published site and the cache is left. The
 * OS drops the build lock with the process. Entries run synchronously: the
 * process exits right after them.
 */
import { existsSync, rmSync } from "node:fs";
import { describeError } from "../util/usage-error.ts";

const pending = new Set<() => void>();

/** Runs `undo` if the process is stopped before the returned function is called. */
export function undoOnExit(undo: () => void): () => void {
  pending.add(undo);
  return () => pending.delete(undo);
}

/** Removes `folder` if the process is stopped first. */
export function removeOnExit(folder: string): () => void {
  return undoOnExit(() => removeNow(folder));
}

/** Folders of failed builds, removed again when the process exits: a late write may have made them anew. */
const atExit = new Set<string>();

/**
 * Removes `folder` once more when the process exits. A failed Eleventy run
 * leaves writes in flight, which recreate their folders after the build
 * deleted them; at exit none is left to.
 */
export function removeAgainAtExit(folder: string): void {
  atExit.add(folder);
}

/** Writes already handed to the OS may still add files while the folder is removed: it is tried again. */
function removeNow(folder: string): void {
  for (let attempt = 0; attempt < 10 && existsSync(folder); attempt++) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

function undoAll(): boolean {
  const any = pending.size > 0;
  for (const undo of [...pending]) {
    try {
      undo();
    } catch {
      // Exiting anyway; the next build recovers what is left.
    }
  }
  pending.clear();
  return any;
}

let failureSaid = false;

/** The command has printed why it failed and set its exit code; the process is ending. */
export function failureSaidAlready(): void {
  failureSaid = true;
}

/**
 * For command-line entry points: SIGINT and SIGTERM stop with one line and
 * exit 130 or 143; an error no code awaited stops with one line and exit 5.
 */
export function handleProcessEnd(failedExit: number): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      if (undoAll()) console.error("interrupted; the published site is unchanged");
      process.exit(code);
    });
  }
  process.once("exit", () => {
    undoAll();
    for (const folder of atExit) removeNow(folder);
  });
  const fail = (error: unknown): void => {
    undoAll();
    // Once the command has said why it failed, what fails after (a write of the same full disk) says nothing new.
    if (!failureSaid || process.env["DEBUG"] !== undefined)
      console.error(`build failed: ${describeError(error)} (DEBUG=1 shows where)`);
    process.exit(failureSaid ? (process.exitCode ?? failedExit) : failedExit);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
}
