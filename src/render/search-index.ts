/**
 * The Pagefind full-text index, written from the records through Pagefind's
 * Node API as custom records: headline, byline, caption and body only, so
 * navigation and footers never enter the index, and no HTML is re-parsed.
 */
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import type * as Pagefind from "pagefind";
import type { ArticleRecord } from "../record.ts";
import { type ArticleSummary, summarize } from "./summary.ts";
import { withBase } from "./urls.ts";

const KHMER_RUN = /[\p{Script=Khmer}\u200B]+/gu;
const KHMER_WORDS = new Intl.Segmenter("km", { granularity: "word" });

/**
 * Pagefind splits words on whitespace; Khmer is written without spaces, so
 * each Khmer run is split into dictionary words here (the search page does
 * the same to queries). Other text is left as it is.
 */
export function segmentForSearch(text: string): string {
  return text.replace(KHMER_RUN, (run) =>
    Array.from(KHMER_WORDS.segment(run.replace(/\u200B/g, " ")), (s) => s.segment.trim())
      .filter((word) => word !== "")
      .join(" "),
  );
}

/** Year filter value for undated articles. */
export const UNDATED = "Undated";

export function searchRecord(
  record: ArticleRecord,
  summary: ArticleSummary,
  pathPrefix: string,
): Pagefind.CustomRecord {
  const text = [
    record.headline,
    record.byline ?? "",
    record.photo?.caption ?? "",
    record.photo?.credit ?? "",
    ...record.body,
  ];
  return {
    url: withBase(record.url, pathPrefix),
    // One index for the whole archive, so an English search page also finds Khmer articles.
    language: "en",
    content: segmentForSearch(text.filter((part) => part !== "").join("\n")),
    meta: {
      title: record.headline,
      date: summary.displayDate,
      section: summary.section.text,
      lang: record.language,
    },
    filters: {
      section: [summary.section.text],
      author: record.authors,
      year: [record.date?.slice(0, 4) ?? UNDATED],
    },
    // ISO dates sort as text; undated articles sort last when newest come first.
    sort: { date: record.date ?? "0000" },
  };
}

/**
 * The index is split by year: one Pagefind bundle per year (and one for
 * undated articles) under `/pagefind/<shard>/`, merged in the browser. An
 * edit re-indexes only its year, and no single index has to hold a
 * 30-year archive in memory.
 */
export function searchShardOf(record: ArticleRecord): string {
  return record.date?.slice(0, 4) ?? UNDATED.toLowerCase();
}

/** Records grouped by shard; shards in archive order (newest year first, undated last). */
export function groupByShard(records: readonly ArticleRecord[]): Map<string, ArticleRecord[]> {
  const shards = new Map<string, ArticleRecord[]>();
  for (const record of records) {
    const shard = searchShardOf(record);
    const list = shards.get(shard);
    if (list === undefined) shards.set(shard, [record]);
    else list.push(record);
  }
  return shards;
}

/** The search records of some articles, in the order given. */
export function* searchRecords(
  records: readonly ArticleRecord[],
  sectionNames: Readonly<Record<string, string>>,
  pathPrefix: string,
): Generator<Pagefind.CustomRecord> {
  for (const record of records) yield searchRecord(record, summarize(record, sectionNames), pathPrefix);
}

/** A digest of everything an index would hold: equal digests, equal indexes. */
export function searchIndexKey(records: Iterable<Pagefind.CustomRecord>): string {
  const hash = createHash("sha1");
  for (const record of records) hash.update(JSON.stringify(record));
  return hash.digest("base64url");
}

/** The records of one shard, produced when the shard is indexed rather than all held at once. */
export type ShardRecords = () => Iterable<Pagefind.CustomRecord>;

/**
 * Pagefind's ready-made search interfaces, written into every bundle; the
 * search page uses its own (`public/search.js`) over the JS API, so these
 * would only add 0.4 MB per year of the archive.
 */
const PAGEFIND_UI_FILES = [
  "pagefind-ui.js",
  "pagefind-ui.css",
  "pagefind-component-ui.js",
  "pagefind-component-ui.css",
  "pagefind-modular-ui.js",
  "pagefind-modular-ui.css",
  "pagefind-highlight.js",
];

/** Records sent to the Pagefind service at once: it indexes while the next requests arrive. */
const BATCH = 200;
/** Shards in the Pagefind service at once: one is fed while the other is written. */
const PARALLEL_SHARDS = 2;

/** Writes `<outDir>/pagefind/<shard>/` for each shard given, through one Pagefind service. */
export async function writeSearchShards(
  shards: ReadonlyMap<string, ShardRecords>,
  outDir: string,
  onShard: () => void = () => {},
): Promise<void> {
  const pagefind = await import("pagefind");
  const queue = [...shards];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [name, records] = next;
      await writeShard(pagefind, records(), path.join(outDir, "pagefind", name));
      onShard();
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL_SHARDS }, worker));
  } finally {
    await pagefind.close();
  }
}

async function writeShard(
  pagefind: typeof Pagefind,
  records: Iterable<Pagefind.CustomRecord>,
  outputPath: string,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new Error(`search index: ${errors.join("; ")}`);
  let batch: Pagefind.CustomRecord[] = [];
  const send = async (): Promise<void> => {
    const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    added.forEach((result, i) => {
      if (result.errors.length > 0) {
        throw new Error(`search index, ${batch[i]?.url ?? "?"}: ${result.errors.join("; ")}`);
      }
    });
    batch = [];
  };
  for (const record of records) {
    batch.push(record);
    if (batch.length === BATCH) await send();
  }
  await send();
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
  await Promise.all(PAGEFIND_UI_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
  // Frees the shard's index in the service before the next one is built.
  await index.deleteIndex();
}
