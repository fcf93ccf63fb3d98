/**
 * Everything outside the seeds' records that can change a build's output,
 * hashed into one key: code and templates, settings, URLs, the seed files,
 * the photos' stamps and the site's own static files. Equal keys and an
 * untouched published site mean there is nothing to build.
 */
import type { Archive } from "../archive/build-archive.ts";
import type { SeedFile } from "../ingest/read-seeds.ts";
import type { SiteConfig } from "../model/site-config.ts";
import { type StaticFiles, findStaticFiles } from "../render/static-files.ts";
import type { UrlContext } from "../render/urls.ts";
import { digestJson } from "./digest.ts";
import { photoStamps } from "./image-cache.ts";

export interface InputsOf {
  code: string;
  site: SiteConfig;
  urls: UrlContext;
  files: readonly SeedFile[];
  archive: Archive;
}

export async function buildInputs(
  { code, site, urls, files, archive }: InputsOf,
  seedsDir: string,
  staticDir: string,
): Promise<{ inputsKey: string; statics: StaticFiles }> {
  const photos = await photoStamps(
    archive.records.flatMap((record) => record.photo?.image ?? []),
    seedsDir,
  );
  const statics = await findStaticFiles(staticDir, Object.keys(site.sections), seedsDir);
  return { inputsKey: digestJson([code, site, urls, files, photos, statics.stamps]), statics };
}
