/**
 * Each year's search shard and data file (`search-index.ts`,
 * `data-files.ts`), made in one pass over the year's records where the plan
 * makes both, as a full build does for every year: each body is borrowed
 * once for the two, and the year's data lines wait for its shard's end,
 * a year of JSON at most per indexer.
 */
import path from "node:path";
import type { RenderPlan } from "../incremental/render-plan.ts";
import type { ArticleRecord } from "../model/record.ts";
import { jsonLinesOf, writeStreamed } from "../util/write-streamed.ts";
import { type Bodies, withBodies } from "./bodies.ts";
import { dataFileOf, writeDataFiles } from "./data-files.ts";
import type { ShardRecords } from "./search-index.ts";
import { searchRecords, writeSearchShards } from "./search-index.ts";
import type { SiteParts } from "./site-parts.ts";

export interface YearOutputsContext {
  staging: string;
  bodies: Bodies;
  /** Called as each shard is indexed. */
  onShard: () => void;
}

/** The shards `plan.toIndex` names and the data files `plan.dataToWrite` names, with the data files' index. */
export async function writeYearOutputs(
  { shards, views }: SiteParts,
  { toIndex, dataToWrite }: Pick<RenderPlan, "toIndex" | "dataToWrite">,
  { staging, bodies, onShard }: YearOutputsContext,
): Promise<void> {
  const { summaries, urls } = views;
  const dataWritten: Promise<void>[] = [];
  const indexed = new Map<string, ShardRecords>();
  for (const [name, records] of shards) {
    if (!toIndex.has(name)) continue;
    const file = dataToWrite.has(name) ? path.join(staging, dataFileOf(name)) : null;
    const withText = (): Iterable<ArticleRecord> =>
      file === null ? withBodies(records, bodies) : alsoAsData(withBodies(records, bodies), file, dataWritten);
    indexed.set(name, () => searchRecords(withText(), summaries, urls.pathPrefix));
  }
  const alone = new Set([...dataToWrite].filter((name) => !toIndex.has(name)));
  // The data folder is made (with the years not indexed) before any shard's data file is written.
  const settled = await Promise.allSettled([
    writeDataFiles(shards, alone, staging, bodies).then(() => writeSearchShards(indexed, staging, onShard)),
  ]);
  // Every file is written, or has failed, before a failure is reported.
  const all = [...settled, ...(await Promise.allSettled(dataWritten))];
  const failure = all.find((outcome) => outcome.status === "rejected");
  if (failure !== undefined) throw failure.reason;
}

/** `records` as they pass, each serialized for the data file `file`, written once the last has passed. */
function* alsoAsData(
  records: Iterable<ArticleRecord>,
  file: string,
  written: Promise<void>[],
): Generator<ArticleRecord> {
  const lines: string[] = [];
  for (const record of records) {
    lines.push(JSON.stringify(record));
    yield record;
  }
  const done = writeStreamed(file, jsonLinesOf(lines));
  done.catch(() => undefined);
  written.push(done);
}
