/**
 * The archive's records as data, one JSON file a year (`data/articles/2019.json`,
 * `undated.json`), newest first, one record a line, and `data/index.json`
 * naming them with their counts. A year's file is a few megabytes where one
 * file of every record passed 500 MB at 100,000 articles, and a rebuild
 * writes only the years whose records changed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ArticleRecord } from "../model/record.ts";
import { type Bodies, withBodies } from "./bodies.ts";
import { jsonLines, writeStreamed } from "../util/write-streamed.ts";

/** `2019` -> `articles/2019.json`, relative to the data folder (as `data/index.json` names it). */
const inDataFolder = (shard: string): string => `articles/${shard}.json`;

/** `2019` -> `data/articles/2019.json`, relative to the site. */
export function dataFileOf(shard: string): string {
  return `data/${inDataFolder(shard)}`;
}

/** Writes the files of the years `toWrite` and the index of every year. */
export async function writeDataFiles(
  years: ReadonlyMap<string, readonly ArticleRecord[]>,
  toWrite: ReadonlySet<string>,
  staging: string,
  bodies: Bodies,
): Promise<void> {
  await mkdir(path.join(staging, "data", "articles"), { recursive: true });
  for (const [year, records] of years) {
    if (toWrite.has(year))
      await writeStreamed(path.join(staging, dataFileOf(year)), jsonLines(withBodies(records, bodies)));
  }
  const files = [...years].map(([year, records]) => ({
    year,
    articles: records.length,
    file: inDataFolder(year),
  }));
  const total = files.reduce((sum, file) => sum + file.articles, 0);
  await writeFile(path.join(staging, "data", "index.json"), `${JSON.stringify({ articles: total, files }, null, 2)}\n`);
}
