/**
 * Front-matter photos for the pages: encoded (or taken from the image cache)
 * a few at a time and placed in the staging folder's `/img/`: linked from
 * the published site when it holds the file unchanged, else copied from the
 * cache. A published file is never the cache's file, so a hand edit of one
 * changes neither the cache nor any other build's site. A missing
 * image, or one outside the seeds folder, was reported by validation and
 * gives no image; one that fails to encode gives no image and a warning,
 * returned with the photos.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import pMap from "p-map";
import type { Archive } from "../archive/build-archive.ts";
import { copyFiles, linkFiles } from "../output/carry-over.ts";
import { type Problem, problem, problemText } from "../model/problems.ts";
import type { ArticleRecord } from "../model/record.ts";
import { type ImageContext, type PhotoImage, processImage } from "./images.ts";

const IMAGE_FOLDER = "img";

export interface EncodedPhotos {
  /** By seed file. */
  images: Map<string, PhotoImage>;
  /** One warning per photo that could not be encoded and that validation had not reported. */
  problems: Problem[];
  /** The files linked into the site, relative to it. */
  files: string[];
}

/** The published site, for the photo files it holds as the last build wrote them. */
export interface PublishedPhotos {
  dir: string;
  /** Whether the site holds this file (relative to it) as the last build wrote it. */
  unchanged: (file: string) => boolean;
}

/** `reported`: seed files whose image validation already warned about. */
export async function encodePhotos(
  archive: Archive,
  context: ImageContext,
  staging: string,
  reported: ReadonlySet<string>,
  published: PublishedPhotos | null,
): Promise<EncodedPhotos> {
  const images = new Map<string, PhotoImage>();
  // Two articles may show the same photo: its files are linked once.
  const files = new Set<string>();
  const failed = new Set<ArticleRecord>();
  const withImage = archive.records.filter((record) => typeof record.photo?.image === "string");
  await pMap(
    withImage,
    async (record) => {
      const processed = await processImage(
        record.photo?.image ?? "",
        record.photo?.caption ?? record.headline,
        context,
      ).catch(() => {
        failed.add(record);
        return null;
      });
      if (processed === null) return;
      images.set(record.source.file, processed.photo);
      for (const file of processed.files) files.add(file);
    },
    { concurrency: availableParallelism() },
  );
  const [linked, copied] = partition([...files], (file) => published?.unchanged(`${IMAGE_FOLDER}/${file}`) === true);
  if (published !== null)
    await linkFiles(path.join(published.dir, IMAGE_FOLDER), path.join(staging, IMAGE_FOLDER), linked);
  await copyFiles(context.cache.dir, path.join(staging, IMAGE_FOLDER), copied);
  // Warnings in archive order, whatever order the images finished in.
  const problems = archive.records
    .filter((record) => failed.has(record) && !reported.has(record.source.file))
    .map((record) =>
      problem(record.source.file, 1, "warning", problemText.imageUndecodable(record.photo?.image ?? "")),
    );
  return { images, problems, files: [...files].map((file) => `${IMAGE_FOLDER}/${file}`) };
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
