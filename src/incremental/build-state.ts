/**
 * What a build leaves for the next one, in `.cache/<output folder name>/`
 * beside the output folder: the digest of its inputs and of every page it
 * wrote. It is trusted only while the output folder is the one that build
 * published (same `data/articles.json` file), so a deleted or hand-edited
 * site is rebuilt whole.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { BUILT_MARKER } from "../publish.ts";
import { readCacheFile, writeAtomically } from "./cache-file.ts";

const stampSchema = z.object({ ino: z.number(), size: z.number(), mtimeMs: z.number() });

const buildStateSchema = z.object({
  /** Seeds, settings, base path and code: equal digests mean the output is current. */
  inputsKey: z.string(),
  /** What every page shows besides its own data (navigation, settings, code, base path). */
  globalsKey: z.string(),
  /** Page URL -> digest of what that page shows. */
  pages: z.record(z.string(), z.string()),
  /** Search shard -> digest of its records. */
  search: z.record(z.string(), z.string()),
  /** The output's `data/articles.json` as this build left it. */
  output: stampSchema,
});

export type BuildState = z.infer<typeof buildStateSchema>;
type OutputStamp = z.infer<typeof stampSchema>;

const STATE_FILE = "build-state.json";

/** `/site/_site` -> `/site/.cache/_site`. */
export function cacheDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), ".cache", path.basename(outDir));
}

/** The state of the build that produced `outDir`, or null when there is none to trust. */
export async function readBuildState(cacheDir: string, outDir: string): Promise<BuildState | null> {
  const [state, stamp] = await Promise.all([
    readCacheFile(path.join(cacheDir, STATE_FILE), buildStateSchema),
    outputStamp(outDir),
  ]);
  if (state === null || stamp === null) return null;
  const { output } = state;
  const same = output.ino === stamp.ino && output.size === stamp.size && output.mtimeMs === stamp.mtimeMs;
  return same ? state : null;
}

export async function writeBuildState(
  cacheDir: string,
  outDir: string,
  state: Omit<BuildState, "output">,
): Promise<void> {
  const output = await outputStamp(outDir);
  if (output === null) return;
  await writeAtomically(path.join(cacheDir, STATE_FILE), JSON.stringify({ ...state, output }));
}

async function outputStamp(outDir: string): Promise<OutputStamp | null> {
  const marker = await stat(path.join(outDir, BUILT_MARKER)).catch(() => null);
  return marker === null ? null : { ino: marker.ino, size: marker.size, mtimeMs: marker.mtimeMs };
}
