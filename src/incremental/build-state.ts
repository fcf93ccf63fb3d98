/**
 * What a build leaves for the next one, in the output's cache folder
 * (`state-store.ts`): the
 * digest of its inputs, of every page it wrote, of every search shard, and
 * the stamp of every file and folder it published (`site-stamps.ts`). A
 * file of the published site whose stamp differs, that is missing or that
 * the build did not write marks the site as changed by hand: what it holds
 * is made again.
 */
import path from "node:path";
import { z } from "zod";
import { problemSchema } from "../model/problems.ts";
import type { FolderStamp, SiteStamps, Stamp } from "./site-stamps.ts";
import { sameStamp } from "../util/same-stamp.ts";

export const isStamp = (value: unknown): value is Stamp =>
  Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === "number");
const isFolderStamp = (value: unknown): value is FolderStamp =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === "number");

/**
 * An object of many entries (one a page or a file: 1.3 million at a
 * million articles), checked in one loop and kept as it was parsed: zod's
 * record schema copies every entry, several seconds at that size.
 */
const entries = <T>(isEntry: (value: unknown) => value is T): z.ZodType<Record<string, T>> =>
  z.custom<Record<string, T>>((value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    for (const key in value) if (!isEntry((value as Record<string, unknown>)[key])) return false;
    return true;
  });

const buildStateSchema = z.object({
  /** Which save of the state this is (`state-store.ts`): a random id, given as it is saved. */
  stateId: z.string().optional(),
  /** Seeds, settings, base path and code: equal digests mean the output is current. */
  inputsKey: z.string(),
  /** What every page shows besides its own data (navigation, settings, code, base path). */
  globalsKey: z.string(),
  /** Page URL -> digest of what that page shows. */
  pages: entries((value): value is string => typeof value === "string"),
  /** Search shard -> digest of its records. */
  search: z.record(z.string(), z.string()),
  /** Year (`2019`, `undated`) -> digest of the records its data file holds. */
  data: z.record(z.string(), z.string()).default({}),
  /** Digest of the records `data/archive.sqlite` holds; null when the build made none. */
  sqlite: z.string().nullable().default(null),
  /** Digest of the sitemap's URLs and dates. */
  sitemap: z.string(),
  /**
   * What the build found in its seeds, which a build of the same seeds
   * (`inputsKey`) finds again: their problems, the archive's size, and the
   * photo files its articles name (the inputs hold their stamps).
   */
  found: z
    .object({
      problems: z.array(problemSchema),
      articles: z.number(),
      pages: z.number(),
      photos: z.array(z.string()),
    })
    .optional(),
  /** Every file of the published site, by path relative to it (`/`-separated). */
  files: entries(isStamp),
  /** Every folder of the published site (`""`: the site's own); absent, the next build reads every folder. */
  folders: entries(isFolderStamp).optional(),
  /**
   * The site this build replaced, kept in the cache folder as the next
   * build's staging folder (`spareFolder`): its build id, and its files where
   * they differ from `files` (null: not in it). Most are the same hard links.
   */
  spare: z
    .object({
      buildId: z.string(),
      differences: entries((value): value is Stamp | null => value === null || isStamp(value)),
    })
    .optional(),
});

export type BuildState = z.infer<typeof buildStateSchema>;

/** The state but its rows (pages, files, the spare site's differences), which `state-store.ts` keeps in tables. */
export const aboutSchema = buildStateSchema.omit({ stateId: true, pages: true, files: true, spare: true }).extend({
  /** The spare site's build id. */
  spare: z.string().optional(),
});
export type AboutState = z.infer<typeof aboutSchema>;
export type { SiteStamps };
export type Found = NonNullable<BuildState["found"]>;
export type SpareSite = NonNullable<BuildState["spare"]>;

/** This tool's own folder beside the output folder: no other program writes there. */
export const CACHE_FOLDER = ".ppp-archive-cache";

/** `/srv/_site` -> `/srv/.ppp-archive-cache/_site`. */
export function cacheDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), CACHE_FOLDER, path.basename(outDir));
}

/** The stamps of `files` that `stamps` has. */
export function stampsOf(files: readonly string[], stamps: Readonly<SiteStamps>): SiteStamps {
  const found: SiteStamps = {};
  for (const file of files) {
    const stamp = stamps[file];
    if (stamp !== undefined) found[file] = stamp;
  }
  return found;
}

/** How the files of `site` differ from `published`'s: a file's stamp in `site`, or null when `site` lacks it. */
export function stampDifferences(site: SiteStamps, published: SiteStamps): SpareSite["differences"] {
  const differences: SpareSite["differences"] = {};
  for (const [file, stamp] of Object.entries(site)) {
    if (!sameStamp(stamp, published[file])) differences[file] = stamp;
  }
  for (const file of Object.keys(published)) if (site[file] === undefined) differences[file] = null;
  return differences;
}

/** The files of the spare site a build state describes: its published files with the spare's differences. */
export function spareStamps(state: BuildState): SiteStamps {
  const stamps: SiteStamps = { ...state.files };
  for (const [file, stamp] of Object.entries(state.spare?.differences ?? {})) {
    if (stamp === null) delete stamps[file];
    else stamps[file] = stamp;
  }
  return stamps;
}

/**
 * Whether the spare site is worth bringing up to date: most of its files
 * are files the published site has (same inode), or at most a thousand
 * are not (deleting them takes a fraction of a second). After a build
 * that rendered every page of a large archive, none are.
 */
export function spareSharesMost(spare: SiteStamps, published: SiteStamps): boolean {
  const files = Object.keys(spare);
  const unshared = files.filter((file) => spare[file]?.[0] !== published[file]?.[0]).length;
  return unshared <= Math.max(FEW_FILES, files.length / 2);
}

const FEW_FILES = 1000;

/** Files that differ between what a build published and what is there now: changed, missing or added. */
export function changedFiles(published: SiteStamps, now: SiteStamps): Set<string> {
  return new Set(Object.keys(stampDifferences(published, now)));
}
