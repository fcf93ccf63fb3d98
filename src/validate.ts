/**
 * The validation pass shared by `npm run build` and `npm run check`: every
 * seed parsed (or taken from the record cache) and checked, the archive
 * assembled, front-matter images checked; nothing written.
 */
import { stat } from "node:fs/promises";
import { type Archive, buildArchive } from "./archive/build-archive.ts";
import { restoreArchive } from "./archive/restore-archive.ts";
import type { ArchiveToRestore } from "./incremental/restore-plan.ts";
import { readAsBefore } from "./incremental/own-edits.ts";
import { checkImages, placeImages } from "./ingest/check-images.ts";
import { type IngestResult, type SeedFile, ingestSeeds } from "./ingest/read-seeds.ts";
import type { SeedListing } from "./ingest/list-seeds.ts";
import { type Problem, strictly } from "./model/problems.ts";
import type { SiteConfig } from "./model/site-config.ts";
import { defaultWorkers } from "./util/default-workers.ts";
import { Progress } from "./util/progress.ts";
import type { RecordCache } from "./incremental/record-cache.ts";
import { UsageError } from "./util/usage-error.ts";
import { seedOptions } from "./ingest/seed-options.ts";

export interface Validation {
  ingest: IngestResult;
  archive: Archive;
  /** Whether the archive was restored from `restore` rather than assembled. */
  restored: boolean;
  /** Errors and warnings of every seed, in file order. */
  problems: Problem[];
}

export interface ValidateOptions {
  progress?: Progress;
  /** An earlier build's record cache: outcomes by seed, and digests by file stamp; it keeps the bodies of seeds parsed now. */
  cache?: Pick<RecordCache, "get" | "knownDigest" | "keep">;
  /** Seeds that would be skipped are errors instead. */
  strict?: boolean;
  /** Worker threads that parse seeds (default: one per core but one); 0 parses them in this thread. */
  workers?: number;
  /** The seeds folder as `listSeeds` found it (with the cache's digests), so that it is not listed again. */
  listing?: SeedListing;
  /** Called once every seed has parsed, with the number of articles and of seeds parsed now (not cached), before the archive is assembled. */
  onParsed?: (articles: number, parsed: number) => void;
  /** The archive an earlier build kept, restored instead of assembled when the seeds edited since read to it as before. */
  restore?: ArchiveToRestore | null;
}

/** Parses and checks every seed and assembles the archive. */
export async function validate(seedsDir: string, site: SiteConfig, how: ValidateOptions = {}): Promise<Validation> {
  const { progress = new Progress(false), cache, strict = false, workers = defaultWorkers() } = how;
  await checkSeedsFolder(seedsDir);
  const options = seedOptions(site);
  const ingest = await progress.phase("read and parse seeds", 0, () =>
    ingestSeeds(seedsDir, options, {
      onSeed: () => progress.tick(),
      workers,
      ...(cache === undefined
        ? {}
        : {
            cached: (seed: SeedFile) => cache.get(seed),
            knownDigest: (file, stamp) => cache.knownDigest(file, stamp),
            keep: (seed, stamp, packed) => cache.keep(seed, stamp, packed),
          }),
      ...(how.listing === undefined ? {} : { listing: how.listing }),
    }),
  );
  how.onParsed?.(ingest.articles.length, ingest.parsed);
  await placeImages(ingest.articles, seedsDir);
  const archiveOptions = {
    timeZone: site.timeZone,
    sectionNames: site.sections,
    pageSize: site.pageSize,
    moreInSection: site.moreInSection,
  };
  const { restore } = how;
  const restored =
    restore === undefined || restore === null || !readAsBefore(restore.before, ingest.articles)
      ? null
      : await progress.phase("archive as kept", 0, () =>
          restoreArchive(ingest.articles, restore.kept.shape, archiveOptions),
        );
  const archive = restored ?? (await progress.phase("archive", 0, () => buildArchive(ingest.articles, archiveOptions)));
  const images = await checkImages(ingest.articles, seedsDir);
  const seedProblems = strictly(ingest.problems, strict);
  // In file and line order, as a person reads them; a file's own problems before those found across files.
  const problems = [...seedProblems, ...images, ...archive.problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
  return { ingest, archive, restored: restored !== null, problems };
}

/** Throws a usage error unless `seedsDir` is a folder. */
export async function checkSeedsFolder(seedsDir: string): Promise<void> {
  const seeds = await stat(seedsDir).catch(() => null);
  if (seeds === null || !seeds.isDirectory()) {
    throw new UsageError(
      `--seeds ${seedsDir}: ${seeds === null ? "no such folder" : "not a folder"}; give the folder that holds your .txt and .md seeds`,
    );
  }
}
