/**
 * A rebuild with nothing to do, found without parsing a seed or assembling
 * the archive: when every seed is stamped as the last build read it (and
 * its outcome is in the record cache), the archive is that build's, and so
 * are its problems and the photo files its articles name (`Found`, in the
 * build state). The inputs key then decides as it does after parsing.
 */
import type { BuildResult } from "../build-types.ts";
import { type SeedListing, knownSeed } from "../ingest/list-seeds.ts";
import type { SeedFile } from "../ingest/read-seeds.ts";
import { countSkipped, strictly } from "../model/problems.ts";
import { type BuildInputs, inputsKey } from "./inputs.ts";
import type { LastBuildGlance } from "./read-last-build.ts";
import type { RecordCache } from "./record-cache.ts";
import type { StaticFiles } from "../render/static-files.ts";

/** The seeds of `listing` as the last build read them, when every one is; else null. */
export function seedsAsBefore(listing: SeedListing, cache: Pick<RecordCache, "holds">): SeedFile[] | null {
  if (listing.known.size !== listing.files.length) return null;
  const seeds: SeedFile[] = [];
  for (const file of listing.files) {
    const seed = knownSeed(listing, file);
    if (seed === undefined || !cache.holds(seed)) return null;
    seeds.push(seed);
  }
  return seeds;
}

/**
 * What the last build found, when this one, whose seeds are all as that one
 * read them (`seeds`), makes the same site; else null. Its problems are as
 * `--strict` (`strict`) has them: a seed left out is then an error.
 */
export async function sameAsLast(
  seeds: readonly SeedFile[],
  glance: LastBuildGlance,
  how: {
    inputsOf: (
      seeds: readonly SeedFile[],
      photos: readonly string[],
    ) => Promise<{ inputs: BuildInputs; statics: StaticFiles }>;
    strict: boolean;
  },
): Promise<Pick<BuildResult, "articles" | "pages" | "seedFiles" | "skipped" | "problems"> | null> {
  const { found } = glance;
  if (found === undefined || glance.changed > 0) return null;
  const { inputs, statics } = await how.inputsOf(seeds, found.photos);
  if (inputsKey(inputs) !== glance.inputsKey) return null;
  const problems = strictly(found.problems, how.strict);
  const { articles, pages } = found;
  const counts = { articles, pages, seedFiles: seeds.length, skipped: countSkipped(problems) };
  return { ...counts, problems: [...problems, ...statics.problems] };
}
