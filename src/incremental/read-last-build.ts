/**
 * The build that published the site, as the next build reads it: its
 * state, and how the published files changed since by hand. A glance (all
 * a build with nothing to do needs) stamps each published file as its row
 * is read; the whole adds every file's stamp and page's digest.
 */
import { type Found, stampDifferences } from "./build-state.ts";
import type { PreviousBuild } from "./changed-pages.ts";
import { type Stamp, changesSince, siteStamps, withChanges } from "./site-stamps.ts";
import { type StateButRows, readFiles, readPages, readStateButRows, withFileStamps } from "./state-read.ts";

/** The last build of `outDir`, or null when none left its state in `cacheDir`. */
export async function readLastBuild(cacheDir: string, outDir: string): Promise<PreviousBuild | null> {
  return completed(readChanges(cacheDir, outDir), cacheDir);
}

/**
 * The last build's state but its rows, and how the published files changed
 * since (a file's stamp now, or null when gone): all a build with nothing
 * to do needs (`glanceAt`).
 */
export interface LastBuildChanges {
  state: StateButRows;
  changed: ReadonlyMap<string, Stamp | null>;
}

export function readChanges(cacheDir: string, outDir: string): LastBuildChanges | null {
  const read = readStateButRows(cacheDir);
  if (read === null) return null;
  const { folders, ...state } = read;
  // A site changed by hand since the last build: what changed is made again.
  if (folders === undefined) {
    const files = readFiles(cacheDir, state.stateId);
    const now = files === null ? null : siteStamps(outDir).files;
    return files === null || now === null
      ? null
      : { state, changed: new Map(Object.entries(stampDifferences(now, files))) };
  }
  // The folders' stamps serve only here (a build stamps those of the site it publishes).
  const changed = withFileStamps(cacheDir, state.stateId, (files) => changesSince(outDir, files, folders));
  return changed === null ? null : { state, changed };
}

/** The last build whole: with its files' stamps and pages' digests; null when they cannot be read. */
export function completed(last: LastBuildChanges | null, cacheDir: string): PreviousBuild | null {
  if (last === null) return null;
  const files = readFiles(cacheDir, last.state.stateId);
  const pages = readPages(cacheDir, last.state.stateId);
  if (files === null || pages === null) return null;
  const published = withChanges(files, last.changed);
  return { state: { ...last.state, files, pages }, published, changed: new Set(last.changed.keys()) };
}

/**
 * What a build with nothing to do needs of the last build: its inputs key,
 * what it found, its spare site, and how many published files changed
 * since. The whole state (a digest a page, a stamp a file: 1.3 million
 * entries each at a million articles) stays with whoever read it.
 */
export interface LastBuildGlance {
  inputsKey: string;
  found: Found | undefined;
  /** The build id of the spare site, if one is kept. */
  spare: string | null;
  changed: number;
}

export function glanceAt(last: LastBuildChanges | PreviousBuild | null): LastBuildGlance | null {
  if (last === null) return null;
  const { inputsKey, found, spare } = last.state;
  return { inputsKey, found, spare: spare?.buildId ?? null, changed: last.changed.size };
}
