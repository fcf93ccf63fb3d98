/**
 * The Pagefind full-text index, written from the records through Pagefind's
 * Node API as custom records: headline, byline, caption and body only, so
 * navigation and footers never enter the index, and no HTML is re-parsed.
 * One Pagefind bundle per shard (`search-shards.ts`) under
 * `/pagefind/<shard>/`, merged in the browser: an edit re-indexes only its
 * shard, and no index has to hold the whole archive in memory.
 */
import { rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type * as Pagefind from "pagefind";
import type { ArticleRecord } from "../model/record.ts";
import type { ArticleSummary, Summaries } from "./summary.ts";
import { startPagefindService } from "./pagefind-service.ts";
import { withBase } from "./urls.ts";
import { searchFilters } from "./search-filters.ts";
// Pagefind splits words on whitespace: Khmer runs are split into words first, as the search page splits queries.
import { spaceKhmerWords } from "../model/khmer-words.js";

export function searchRecord(
  record: ArticleRecord,
  summary: ArticleSummary,
  pathPrefix: string,
): Pagefind.CustomRecord {
  // The article text first: Pagefind's excerpts come from the content, and a
  // reader wants them from the article, not from the headline and byline. The
  // header fields follow, so their words still find the article.
  const text = [
    ...record.body,
    record.standfirst ?? "",
    record.headline,
    record.byline ?? "",
    record.photo?.caption ?? "",
    record.photo?.credit ?? "",
  ];
  return {
    url: withBase(record.url, pathPrefix),
    // One index for the whole archive, so an English search page also finds Khmer articles.
    language: "en",
    content: spaceKhmerWords(text.filter((part) => part !== "").join("\n")),
    meta: {
      title: record.headline,
      date: summary.displayDate,
      section: summary.section.text,
      lang: record.language,
    },
    filters: { ...searchFilters(record, summary.section.text) },
    // ISO dates sort as text; undated articles sort last when newest come first.
    sort: { date: record.date ?? "0000" },
  };
}

/** The search records of some articles, in the order given. */
export function* searchRecords(
  records: Iterable<ArticleRecord>,
  summaries: Summaries,
  pathPrefix: string,
): Generator<Pagefind.CustomRecord> {
  for (const record of records) yield searchRecord(record, summaries.of(record), pathPrefix);
}

/** The records of one shard, produced when the shard is indexed rather than all held at once. */
export type ShardRecords = () => Iterable<Pagefind.CustomRecord>;

/**
 * Pagefind's ready-made search interfaces, written into every bundle; the
 * search page uses its own (`public/search.js`) over the JS API, so these
 * would only add 0.4 MB per shard.
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

/**
 * Records sent to a Pagefind service before waiting for its answers. Small
 * batches keep the service busy all the same, and their messages die young:
 * at 200, messages waiting for the service outlived minor garbage
 * collections and grew the heap by 0.9 GB over a 100,000-article archive.
 */
const BATCH = 50;
/**
 * A Pagefind service indexes on one core, so shards are indexed side by
 * side, one service per core, at most four (each shard holds a year or part of one).
 */
const PARALLEL_SHARDS = Math.min(4, Math.max(1, availableParallelism()));

/**
 * Writes `<outDir>/pagefind/<shard>/` for each shard given. Each service
 * indexes one shard after another, deleting each index once written, so
 * it holds one shard at a time; services are started once per build, not
 * once per shard (a process started from a build holding a large heap
 * cost about 15 ms of this thread each, 0.5 s for 31 shards).
 */
export async function writeSearchShards(
  shards: ReadonlyMap<string, ShardRecords>,
  outDir: string,
  onShard: () => void = () => {},
): Promise<void> {
  const queue = [...shards];
  const indexOneAfterAnother = async (): Promise<void> => {
    const service = await startPagefindService();
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        const [name, records] = next;
        await writeShard(service.api, records(), path.join(outDir, "pagefind", name));
        onShard();
      }
    } catch (error) {
      // The other services stop after their current shard.
      queue.length = 0;
      const why = service.lastWords();
      throw why === null ? error : new Error(`search index: Pagefind stopped: ${why}`);
    } finally {
      await service.api.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SHARDS, queue.length) }, indexOneAfterAnother));
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
  await index.deleteIndex();
  if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
  await Promise.all(PAGEFIND_UI_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
}
