/**
 * Encoded photos kept between builds in `.ppp-archive-cache/<output name>/img/`, so a
 * build encodes only images no earlier build encoded (AVIF takes about a
 * second per photo). An entry is keyed by the digest of the source bytes, the
 * code and the URL path the image is served from, and holds eleventy-img's
 * metadata; its files are linked into each site that shows it. A file in the
 * cache is never written again once made: new encodings are made in a folder
 * of their own and renamed in, so the published site, which shares the
 * files, is never changed in place.
 */
import type { Stats } from "node:fs";
import { mkdir, mkdtemp, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readCacheFile } from "./cache-file.ts";
import { writeAtomically } from "../util/write-atomically.ts";
import { isHttpUrl } from "../util/http-url.ts";

const formatEntrySchema = z.object({
  format: z.string(),
  filename: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  sourceType: z.string(),
  srcset: z.string(),
});

const metadataSchema = z.record(z.string(), z.array(formatEntrySchema));

/** eleventy-img's description of one image's encodings, as the cache keeps it. */
export type CachedImage = z.infer<typeof metadataSchema>;

const manifestSchema = z.record(z.string(), metadataSchema);

const MANIFEST = "images.json";
/** Folders new encodings are made in before they join the cache. */
const ENCODING_PREFIX = "img-new-";

export class ImageCache {
  /** Entries this build used; only they are kept. */
  readonly #used = new Map<string, CachedImage>();

  /** Where the encoded files live. */
  readonly dir: string;
  private readonly cacheDir: string;
  private readonly entries: ReadonlyMap<string, CachedImage>;
  /** Files in `dir`. */
  private readonly present: Set<string>;

  private constructor(dir: string, cacheDir: string, entries: ReadonlyMap<string, CachedImage>, present: Set<string>) {
    this.dir = dir;
    this.cacheDir = cacheDir;
    this.entries = entries;
    this.present = present;
  }

  static async open(cacheDir: string): Promise<ImageCache> {
    const dir = path.join(cacheDir, "img");
    const [manifest, present] = await Promise.all([
      readCacheFile(path.join(cacheDir, MANIFEST), manifestSchema),
      readdir(dir).catch(() => []),
    ]);
    const entries = new Map(Object.entries(manifest ?? {}));
    return new ImageCache(dir, cacheDir, entries, new Set(present));
  }

  /** The entry for `key` when every one of its files is in the cache. */
  get(key: string): CachedImage | undefined {
    const entry = this.#used.get(key) ?? this.entries.get(key);
    if (entry === undefined || !filesOf(entry).every((file) => this.present.has(file))) return undefined;
    this.#used.set(key, entry);
    return entry;
  }

  /**
   * Runs `encode` in a new folder of its own and moves what it made into the
   * cache under `key`.
   */
  async add(key: string, encode: (outputDir: string) => Promise<CachedImage>): Promise<CachedImage> {
    await mkdir(this.cacheDir, { recursive: true });
    const fresh = await mkdtemp(path.join(this.cacheDir, ENCODING_PREFIX));
    try {
      const entry = await encode(fresh);
      await mkdir(this.dir, { recursive: true });
      for (const file of filesOf(entry)) {
        await rename(path.join(fresh, file), path.join(this.dir, file));
        this.present.add(file);
      }
      this.#used.set(key, entry);
      return entry;
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }

  /** Writes the entries this build used and deletes the files none of them names. */
  async save(): Promise<void> {
    if (this.#used.size === 0 && this.entries.size === 0) return;
    await writeAtomically(path.join(this.cacheDir, MANIFEST), JSON.stringify(Object.fromEntries(this.#used)));
    const keep = new Set([...this.#used.values()].flatMap(filesOf));
    // Encoding folders left by builds that were killed go too.
    const leftovers = (await readdir(this.cacheDir)).filter((name) => name.startsWith(ENCODING_PREFIX));
    await Promise.all([
      ...[...this.present]
        .filter((file) => !keep.has(file))
        .map((file) => rm(path.join(this.dir, file), { force: true })),
      ...leftovers.map((name) => rm(path.join(this.cacheDir, name), { recursive: true, force: true })),
    ]);
  }
}

export function filesOf(entry: CachedImage): string[] {
  return Object.values(entry).flatMap((encodings) => encodings.map((encoding) => encoding.filename));
}

/** Keeps the fields the cache needs from eleventy-img's metadata. */
export function toCachedImage(metadata: Record<string, readonly z.input<typeof formatEntrySchema>[]>): CachedImage {
  return metadataSchema.parse(metadata);
}

/**
 * Inode, size, modification and change time of each local photo the
 * records name, for the digest of a build's inputs: a photo replaced under
 * the same name is a change, found without reading every photo on each
 * build. The change time is the kernel's (no user can set it): a photo
 * replaced by one of the same size with its modification time set back is
 * a change too.
 */
export async function photoStamps(images: Iterable<string>, seedsDir: string): Promise<PhotoStamp[]> {
  const local = [...new Set(images)].filter((image) => !isHttpUrl(image)).sort();
  return Promise.all(
    local.map(async (image): Promise<PhotoStamp> => {
      const photo = await resolvePhoto(seedsDir, image);
      const info = "file" in photo ? photo.stats : null;
      return [image, info?.ino ?? -1, info?.size ?? -1, info?.mtimeMs ?? -1, info?.ctimeMs ?? -1];
    }),
  );
}

export type PhotoStamp = [image: string, ino: number, size: number, mtimeMs: number, ctimeMs: number];

/** Where a front-matter `image` is: a file inside the seeds folder (with its stats), or why it is not used. */
export type ResolvedPhoto = { file: string; stats: Stats } | { problem: "missing" | "outside" | "not a file" };

/**
 * The file a front-matter `image` names, by real path: a path or a symbolic
 * link (or a linked folder) that leads outside the seeds folder is never read.
 */
export async function resolvePhoto(seedsDir: string, image: string): Promise<ResolvedPhoto> {
  const seeds = await realpath(seedsDir).catch(() => path.resolve(seedsDir));
  const named = path.resolve(seeds, image);
  if (!named.startsWith(`${seeds}${path.sep}`)) return { problem: "outside" };
  const real = await realpath(named).catch(() => null);
  if (real === null) return { problem: "missing" };
  if (!real.startsWith(`${seeds}${path.sep}`)) return { problem: "outside" };
  // A FIFO or a device would block the reader for ever; a folder cannot be read.
  const stats = await stat(real).catch(() => null);
  if (stats === null) return { problem: "missing" };
  return stats.isFile() ? { file: real, stats } : { problem: "not a file" };
}
