/**
 * Pagefind services for the search index. Each service is a process of its
 * own, which inherits this process's stderr: when it panics (a full disk),
 * it would print a Rust backtrace under the build's output. Its stderr is
 * piped here instead, and what it said becomes part of the build's one-line
 * error.
 */
import childProcess, { type ChildProcess } from "node:child_process";
import type * as Pagefind from "pagefind";

let servicesStarted = 0;

export interface PagefindService {
  api: typeof Pagefind;
  /** Why the service's process stopped, from what it printed; null while it runs or when it said nothing. */
  lastWords: () => string | null;
}

/**
 * A Pagefind service of its own. The module keeps one service process per
 * module instance, and Node caches ES modules by URL, so a distinct query
 * string loads another instance, and shards are indexed in parallel (also
 * by builds running side by side in one process).
 */
export async function startPagefindService(): Promise<PagefindService> {
  servicesStarted += 1;
  const api = (await import(`${import.meta.resolve("pagefind")}?service=${servicesStarted}`)) as typeof Pagefind;
  let said = "";
  let child: ChildProcess | null = null;
  // The service's process starts inside the first call to createIndex, synchronously: only that spawn is changed.
  const spawn = childProcess.spawn;
  const piped = ((command: string, args: readonly string[], options: childProcess.SpawnOptions) =>
    (child = spawn(command, args, { ...options, stdio: ["pipe", "pipe", "pipe"] }))) as typeof spawn;
  const createIndex: typeof api.createIndex = (config) => {
    childProcess.spawn = piped;
    try {
      return api.createIndex(config);
    } finally {
      childProcess.spawn = spawn;
      if (child !== null) {
        child.stderr?.on("data", (chunk: Buffer) => (said = `${said}${chunk.toString()}`.slice(-4000)));
        // As Pagefind does with its other pipes: the service never keeps the process alive.
        (child.stderr as { unref?: () => void } | null)?.unref?.();
        child = null;
      }
    }
  };
  return { api: { ...api, createIndex }, lastWords: () => lastWordsOf(said) };
}

/** The message of a Rust panic (`… message: "No space left on device" }`), or its last line. */
function lastWordsOf(said: string): string | null {
  const message = /message: "([^"]+)"/u.exec(said)?.[1];
  if (message !== undefined) return message;
  const panic = said.split("\n").find((line) => line.includes("panicked"));
  return panic?.trim() ?? null;
}
