/**
 * The last build as it crosses from the thread that read it to the main
 * thread: the state and the files changed since as JSON text, which the
 * main thread parses in a fraction of the time that a structured clone of
 * the same objects takes to arrive (a digest a page, a stamp a file and a
 * folder: 46 MB at 100,000 articles). A state too large for one string
 * (V8's longest is 512 MB) crosses as objects.
 */
import type { BuildState } from "./build-state.ts";
import type { PreviousBuild } from "./changed-pages.ts";
import { type Stamp, withChanges } from "./site-stamps.ts";

export type WireBuild = PreviousBuild | { json: string };

interface Wired {
  state: BuildState;
  /** Each file changed since, with its stamp now (null: gone). */
  changes: [string, Stamp | null][];
}

export function toWire(last: PreviousBuild | null): WireBuild | null {
  if (last === null) return null;
  const changes = [...last.changed].map((file): [string, Stamp | null] => [file, last.published[file] ?? null]);
  try {
    return { json: JSON.stringify({ state: last.state, changes } satisfies Wired) };
  } catch {
    return last;
  }
}

export function fromWire(wire: WireBuild | null): PreviousBuild | null {
  if (wire === null || !("json" in wire)) return wire;
  const { state, changes } = JSON.parse(wire.json) as Wired;
  const changed = new Map(changes);
  return { state, published: withChanges(state.files, changed), changed: new Set(changed.keys()) };
}
