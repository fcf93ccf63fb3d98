/**
 * The seeds folder as a build first sees it: its seed files in path order,
 * the crawl manifest, and each file's stamp. A file whose stamp is as an
 * earlier build saw it holds the bytes that build read, so its digest is
 * known without reading it (`knownDigest`).
 */
import path from "node:path";
import type { Problem } from "../model/problems.ts";
import { type CrawlManifest, readCrawlManifest, unknownManifestFiles } from "./crawl-manifest.ts";
import { findSeedFiles } from "./find-seeds.ts";
import type { SeedFile } from "./read-seeds.ts";
import { type SeedStamp, seedStamp } from "./seed-stamp.ts";

export interface SeedListing {
  /** Seed files, relative to the seeds folder, in path order. */
  files: string[];
  manifest: CrawlManifest;
  /** Problems of the folder and the crawl manifest. */
  problems: Problem[];
  /** The stamp of each file that could be stamped. */
  stamps: Map<string, SeedStamp>;
  /** The digest of each file an earlier build read with the stamp it has now. */
  known: Map<string, string>;
}

export async function listSeeds(
  dir: string,
  timeZone: string,
  knownDigest?: (file: string, stamp: SeedStamp) => string | undefined,
): Promise<SeedListing> {
  const found = await findSeedFiles(dir);
  const manifest = await readCrawlManifest(dir, timeZone);
  const problems = [...found.problems, ...manifest.problems, ...unknownManifestFiles(manifest, new Set(found.files))];
  const stamps = new Map<string, SeedStamp>();
  const known = new Map<string, string>();
  for (const file of found.files) {
    const stamp = seedStamp(path.join(dir, file));
    if (stamp === null) continue;
    stamps.set(file, stamp);
    const sha256 = knownDigest?.(file, stamp);
    if (sha256 !== undefined) known.set(file, sha256);
  }
  return { files: found.files, manifest, problems, stamps, known };
}

/** `file` as an earlier build read it (its digest and crawl entry), when its stamp says it is unchanged. */
export function knownSeed(listing: SeedListing, file: string): SeedFile | undefined {
  const sha256 = listing.known.get(file);
  return sha256 === undefined ? undefined : { file, sha256, crawl: listing.manifest.entries.get(file) };
}
