/**
 * A rebuild with nothing to do, found without parsing a seed or assembling
 * the archive: when every seed is stamped as the last build read it (and
 * its outcome is in the record cache), the archive is that build's, and so
 * are its problems and the photo files its articles name (`Found`, in the
 * build state). The inputs key then decides as it does after parsing.
 */
import type { SeedListing } from "../ingest/list-seeds.ts";
import type { SeedFile } from "../ingest/read-seeds.ts";
import type { RecordCache } from "./record-cache.ts";

/** The seeds of `listing` as the last build read them, when every one is; else null. */
export function seedsAsBefore(listing: SeedListing, cache: Pick<RecordCache, "holds">): SeedFile[] | null {
  if (listing.known.size !== listing.files.length) return null;
  const seeds: SeedFile[] = [];
  for (const file of listing.files) {
    const sha256 = listing.known.get(file);
    if (sha256 === undefined) return null;
    const seed: SeedFile = { file, sha256, crawl: listing.manifest.entries.get(file) };
    if (!cache.holds(seed)) return null;
    seeds.push(seed);
  }
  return seeds;
}
