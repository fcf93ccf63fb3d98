/**
 * Everything that can change a build's output, as one value hashed once:
 * equal keys and an untouched published site mean there is nothing to
 * build. What is not here cannot change the output: how many threads, how
 * much is printed, whether skipped seeds stop the build, or where on disk
 * the seeds and the static folder are (tests/build-inputs.build.test.ts
 * builds with each changed and compares the sites).
 */
import type { Archive } from "../archive/build-archive.ts";
import { photoBeside } from "../ingest/photo-beside.ts";
import type { SeedFile } from "../ingest/read-seeds.ts";
import type { SiteConfig } from "../model/site-config.ts";
import { type StaticFiles, findStaticFiles } from "../render/static-files.ts";
import type { UrlContext } from "../render/urls.ts";
import { digestJson } from "./digest.ts";
import { type PhotoStamp, photoStamps } from "./image-cache.ts";

export interface BuildInputs {
  /** The project's code, templates, styles and locked dependencies, and another Eleventy config with the files beside it. */
  code: string;
  /** The settings: title, sections, time zone, page size, site URL… */
  site: SiteConfig;
  /** The base path and the site URL the pages link with. */
  urls: UrlContext;
  /** Each seed's path in the seeds folder, digest and crawl entry. */
  seeds: readonly SeedFile[];
  /** The stamps of the photos the articles name. */
  photos: readonly PhotoStamp[];
  /** Path, size and time of the site's own files. */
  staticFiles: StaticFiles["stamps"];
  /** Whether the site holds `data/archive.sqlite` (`--sqlite`). */
  sqlite: boolean;
}

/** Every field of `BuildInputs`, in the order hashed (a test checks that none is left out). */
export const INPUT_NAMES = [
  "code",
  "site",
  "urls",
  "seeds",
  "photos",
  "staticFiles",
  "sqlite",
] as const satisfies readonly (keyof BuildInputs)[];

export function inputsKey(inputs: BuildInputs): string {
  return digestJson(INPUT_NAMES.map((name) => inputs[name]));
}

/** The inputs of a build whose articles name the photo files `photos`, and the static files found on the way. */
export async function readInputs(
  {
    code,
    site,
    urls,
    seeds,
    sqlite,
    photos,
  }: Pick<BuildInputs, "code" | "site" | "urls" | "seeds" | "sqlite"> & { photos: readonly string[] },
  seedsDir: string,
  staticDir: string,
): Promise<{ inputs: BuildInputs; statics: StaticFiles }> {
  const statics = await findStaticFiles(staticDir, Object.keys(site.sections), seedsDir);
  const stamps = await photoStamps(photos, seedsDir);
  return { inputs: { code, site, urls, seeds, photos: stamps, staticFiles: statics.stamps, sqlite }, statics };
}

/**
 * The photo files the archive's articles name, in archive order, each with
 * the place beside its article where a relative image is looked for first
 * (`photoBeside`): when the photo was found in the seeds folder, a file
 * put there later changes the inputs. (For a photo found beside its
 * article that place is its folder named twice, which holds nothing.)
 */
export function photoFiles(archive: Archive): string[] {
  return archive.records.flatMap((record) => {
    const image = record.photo?.image;
    if (image === undefined || image === null) return [];
    const beside = photoBeside(record);
    return beside === null ? [image] : [image, beside];
  });
}
