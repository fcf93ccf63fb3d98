/**
 * The archive a build published, kept for the next build in the output's
 * cache folder: the seeds it read, what its archive added to each article
 * (`ArchiveShape`) and the photo each article shows. A next build whose
 * edited seeds still read to the archive as they did (`own-edits.ts`)
 * restores the archive from it instead of assembling it, and knows that
 * only those articles' own pages, search shards and data files changed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { z } from "zod";
import type { Archive } from "../archive/build-archive.ts";
import { type ArchiveShape, archiveShape } from "../archive/restore-archive.ts";
import { crawlJson } from "./record-rows.ts";
import { writeAtomically } from "../util/write-atomically.ts";
import { digestJson } from "./digest.ts";
import type { BuildInputs } from "./inputs.ts";

/** `[file, sha256, crawl entry as crawlJson has it]`. */
type KeptSeed = [file: string, sha256: string, crawl: string | null];
/** `[file, slug, author URLs, tag URLs, related URLs, photo file or null]`, in archive order. */
type KeptRecord = [string, string, string[], string[], (string | null)[], string | null];

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");
const isKeptSeed = (value: unknown): value is KeptSeed =>
  Array.isArray(value) &&
  typeof value[0] === "string" &&
  typeof value[1] === "string" &&
  (value[2] === null || typeof value[2] === "string");
const isKeptRecord = (value: unknown): value is KeptRecord =>
  Array.isArray(value) &&
  typeof value[0] === "string" &&
  typeof value[1] === "string" &&
  isStrings(value[2]) &&
  isStrings(value[3]) &&
  Array.isArray(value[4]) &&
  value[4].every((url) => url === null || typeof url === "string") &&
  (value[5] === null || typeof value[5] === "string");

/** Arrays of 100,000 entries or more, checked in one loop: zod's array schemas copy every entry. */
const every = <T>(isEntry: (value: unknown) => value is T): z.ZodType<T[]> =>
  z.custom<T[]>((value) => Array.isArray(value) && value.every(isEntry));

const keptSchema = z.object({
  /** The inputs key of the build that kept it: the build state's, while that build's site is the published one. */
  inputsKey: z.string(),
  /** Its inputs but the seeds (`restKey`). */
  restKey: z.string(),
  /** The code and parse settings the archive was assembled with: the record cache's key. */
  archiveKey: z.string(),
  seeds: every(isKeptSeed),
  records: every(isKeptRecord),
});

export const KEPT_FILE = "archive.v8";

/** The archive the last build published, as it kept it. */
export interface KeptArchive {
  inputsKey: string;
  /** Every seed that build read: file -> its digest and crawl entry (`crawlJson`). */
  seeds: Map<string, { sha256: string; crawl: string | null }>;
  shape: ArchiveShape;
  /** The photo file each article showed (`placeImages`), by seed file; absent: none. */
  photos: Map<string, string>;
  restKey: string;
  archiveKey: string;
}

/** The digest of a build's inputs but its seeds: equal, only the seeds can have changed the site. */
export function restKey(inputs: BuildInputs): string {
  const { seeds: _, ...rest } = inputs;
  return digestJson(rest);
}

/** The kept archive, or null when there is none or it cannot be read: the archive is then assembled. */
export async function readKeptArchive(cacheDir: string): Promise<KeptArchive | null> {
  const bytes = await readFile(path.join(cacheDir, KEPT_FILE)).catch(() => null);
  if (bytes === null) return null;
  let value: unknown;
  try {
    value = deserialize(bytes);
  } catch {
    return null;
  }
  const parsed = keptSchema.safeParse(value);
  if (!parsed.success) return null;
  const kept = parsed.data;
  const seeds = new Map(kept.seeds.map(([file, sha256, crawl]) => [file, { sha256, crawl }]));
  const photos = new Map<string, string>();
  const shape = kept.records.map(([file, slug, authorUrls, tagUrls, relatedUrls, photo]) => {
    if (photo !== null) photos.set(file, photo);
    return { file, slug, authorUrls, tagUrls, relatedUrls };
  });
  const { inputsKey, restKey, archiveKey } = kept;
  return { inputsKey, restKey, archiveKey, seeds, shape, photos };
}

/** Keeps the archive of a build that published it, with the build's inputs, their key and its archive's key. */
export async function writeKeptArchive(
  cacheDir: string,
  archive: Archive,
  { inputs, inputsKey, archiveKey }: { inputs: BuildInputs; inputsKey: string; archiveKey: string },
): Promise<void> {
  const records = archiveShape(archive).map(({ file, slug, authorUrls, tagUrls, relatedUrls }, i): KeptRecord => {
    const image = archive.records[i]?.photo?.image ?? null;
    return [file, slug, authorUrls, tagUrls, relatedUrls, image];
  });
  const seeds = inputs.seeds.map((seed): KeptSeed => [seed.file, seed.sha256, crawlJson(seed)]);
  const kept = { inputsKey, restKey: restKey(inputs), archiveKey, seeds, records };
  // V8's serialization, not JSON: a million articles' would pass the longest string V8 makes (512 MB).
  await writeAtomically(path.join(cacheDir, KEPT_FILE), serialize(kept));
}
