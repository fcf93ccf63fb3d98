/**
 * The search shards and each year's data file (`search-index.ts`,
 * `data-files.ts`), made in one pass over a year's records where the plan
 * makes the file and every shard of the year, as a full build does: each
 * body is borrowed once for the two, and the year's data lines wait for its
 * last shard's end.
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
  { shards, years, views }: SiteParts,
  { toIndex, dataToWrite }: Pick<RenderPlan, "toIndex" | "dataToWrite">,
  { staging, bodies, onShard }: YearOutputsContext,
): Promise<void> {
  const { summaries, urls } = views;
  const dataWritten: Promise<void>[] = [];
  const indexed = new Map<string, ShardRecords>();
  const paired = new Set<string>();
  for (const [year, inYear] of Map.groupBy(shards.values(), (shard) => shard.year)) {
    // A year's data file is made from its shards' records as they are indexed when every one of them is.
    const pair = dataToWrite.has(year) && inYear.every((shard) => toIndex.has(shard.name));
    if (pair) paired.add(year);
    const lines = pair ? new YearLines(path.join(staging, dataFileOf(year)), inYear.length, dataWritten) : null;
    for (const [part, { name, records }] of inYear.entries()) {
      if (!toIndex.has(name)) continue;
      const withText = (): Iterable<ArticleRecord> =>
        lines === null ? withBodies(records, bodies) : lines.collect(part, withBodies(records, bodies));
      indexed.set(name, () => searchRecords(withText(), summaries, urls.pathPrefix));
    }
  }
  const alone = new Set([...dataToWrite].filter((year) => !paired.has(year)));
  // The data folder is made (with the years not indexed) before any shard's data file is written.
  const settled = await Promise.allSettled([
    writeDataFiles(years, alone, staging, bodies).then(() => writeSearchShards(indexed, staging, onShard)),
  ]);
  // Every file is written, or has failed, before a failure is reported.
  const all = [...settled, ...(await Promise.allSettled(dataWritten))];
  const failure = all.find((outcome) => outcome.status === "rejected");
  if (failure !== undefined) throw failure.reason;
}

/**
 * A year's data lines, serialized as its shards' records pass (shards may
 * pass in any order, two at a time), written in shard order once the last
 * has passed.
 */
class YearLines {
  private parts: string[][];
  private left: number;
  private readonly file: string;
  private readonly written: Promise<void>[];
  constructor(file: string, count: number, written: Promise<void>[]) {
    this.file = file;
    this.written = written;
    this.parts = Array.from({ length: count }, () => []);
    this.left = count;
  }

  *collect(part: number, records: Iterable<ArticleRecord>): Generator<ArticleRecord> {
    const mine = this.parts[part] ?? [];
    for (const record of records) {
      mine.push(JSON.stringify(record));
      yield record;
    }
    this.left -= 1;
    if (this.left > 0) return;
    const lines = this.parts.flat();
    // Let go once written: the shards' closures hold this object until the last shard of the archive.
    this.parts = [];
    const done = writeStreamed(this.file, jsonLinesOf(lines));
    done.catch(() => undefined);
    this.written.push(done);
  }
}
