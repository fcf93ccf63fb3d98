/**
 * Whether a build restores the archive its last build kept
 * (`kept-archive.ts`) and, after it, whether only the edited articles' own
 * pages can have changed (`own-edits.ts`). Either way the output is what
 * assembling the archive and comparing every page would make; these only
 * skip work whose outcome is known.
 */
import type { SeedListing } from "../ingest/list-seeds.ts";
import type { BuildInputs } from "./inputs.ts";
import { type KeptArchive, restKey } from "./kept-archive.ts";
import { type EarlierArticle, editedSince } from "./own-edits.ts";

/** The kept archive and the seeds that may have changed since, with what their articles were. */
export interface ArchiveToRestore {
  kept: KeptArchive;
  before: ReadonlyMap<string, string | null>;
}

/**
 * Before the seeds are read: the kept archive to restore, if it was
 * assembled with the same code and settings (`archiveKey`) and its seeds
 * are those listed, bar a few edited ones whose earlier parse is known.
 */
export function archiveToRestore(
  kept: KeptArchive | null,
  archiveKey: string,
  listing: SeedListing,
  earlier: EarlierArticle,
): ArchiveToRestore | null {
  if (kept === null || kept.archiveKey !== archiveKey) return null;
  const before = editedSince(kept, listing, earlier);
  return before === null ? null : { kept, before };
}

/**
 * After the archive is restored: the seed files whose articles changed
 * only their own pages, search shards and data files since the published
 * site, when the kept archive is that site's (`lastInputsKey`) and nothing
 * but seeds changed in the inputs; else null (every page is compared).
 */
export function ownEdits(
  restored: ArchiveToRestore | null,
  inputs: BuildInputs,
  lastInputsKey: string | undefined,
): ReadonlySet<string> | null {
  if (restored === null || restored.kept.inputsKey !== lastInputsKey) return null;
  return restored.kept.restKey === restKey(inputs) ? new Set(restored.before.keys()) : null;
}
