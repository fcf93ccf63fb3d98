/**
 * Hard-links files from one folder tree into another, for a thread of its
 * own (the one that read the last build): synchronous calls, each folder
 * made once, in runs between which the thread answers its other requests.
 * Batched promises (`carry-over.ts`, made for the main thread, where the
 * linking overlaps rendering) took 11.6–13.2 s for a 100,000-article
 * site's 230,000 files where this took 9.0–11.0 s (throwaway script, on
 * disk, while another build ran).
 */
import { linkSync, mkdirSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";

/** Files linked between turns of the thread's event loop. */
const RUN = 2000;

export async function linkTree(from: string, to: string, files: readonly string[]): Promise<void> {
  const made = new Set<string>();
  for (const [i, file] of files.entries()) {
    const slash = file.lastIndexOf("/");
    const folder = slash < 0 ? "" : file.slice(0, slash);
    if (!made.has(folder)) {
      mkdirSync(folder === "" ? to : `${to}/${folder}`, { recursive: true });
      made.add(folder);
    }
    linkSync(`${from}/${file}`, `${to}/${file}`);
    if (i % RUN === RUN - 1) await nextTurn();
  }
}
