/**
 * The record cache on its own: what a build saves is what the next one
 * gets, heads first and bodies when asked; a cache of other code is
 * emptied, a damaged file started again, and seeds gone are forgotten.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { SeedFile, SeedOutcome } from "../src/ingest/read-seeds.ts";
import { packOutcome } from "../src/ingest/packed-outcome.ts";
import type { SeedStamp } from "../src/ingest/seed-stamp.ts";
import { RecordCache } from "../src/incremental/record-cache.ts";
import { LISTING_QUERY, openCacheFile } from "../src/incremental/record-rows.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import { seedArticle } from "./records.ts";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "record-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BODY = ["The council met on Monday.", "It voted to repair the bridge.", "Work starts in May."];
const article = seedArticle({
  headline: "Bridge to be repaired",
  body: BODY,
  source: { file: "a.txt", sha256: "a".repeat(64), url: null, fetched: null },
});
const seed: SeedFile = { file: "a.txt", sha256: "a".repeat(64) };
const stamp: SeedStamp = [1, 100, 1000, 1000];
const problems = [{ file: "a.txt", line: 3, severity: "warning", code: "noDate", message: "no date" }];
const outcome = { article, problems } as SeedOutcome;

async function saved(key = "k"): Promise<RecordCache> {
  const cache = await RecordCache.open(dir, key);
  cache.keep(seed, stamp, packOutcome(outcome));
  await cache.save([seed], new Map([["a.txt", stamp]]));
  await cache.close();
  return RecordCache.open(dir, key);
}

const recordOf = (head: SeedOutcome["article"]): ArticleRecord =>
  ({ ...head, slug: "s", url: "/national/s/" }) as unknown as ArticleRecord;

test("a saved seed comes back as its head, and its whole body while borrowed", async () => {
  const cache = await saved();
  const got = cache.get(seed);
  expect(got?.problems).toEqual(problems);
  expect(got?.article?.body).toEqual([BODY[0]]);
  expect({ ...got?.article, body: BODY }).toEqual(article);
  const record = recordOf(got?.article ?? null);
  const giveBack = cache.borrow([record]);
  expect(record.body).toEqual(BODY);
  giveBack();
  expect(record.body).toEqual([BODY[0]]);
  expect(cache.knownDigest("a.txt", stamp)).toBe(seed.sha256);
  expect(cache.knownDigest("a.txt", [1, 100, 1000, 2000])).toBeUndefined();
  await cache.close();
});

test("a seed asked for twice comes back the same", async () => {
  const cache = await saved();
  const first = cache.get(seed);
  expect(cache.get(seed)).toEqual(first);
  expect(first?.article?.headline).toBe(article.headline);
  await cache.close();
});

test("other bytes, another crawl URL or another key find nothing", async () => {
  const cache = await saved();
  expect(cache.get({ ...seed, sha256: "b".repeat(64) })).toBeUndefined();
  expect(cache.get({ ...seed, crawl: { url: "https://example.org/a", fetched: null } })).toBeUndefined();
  await cache.close();
  const other = await RecordCache.open(dir, "another key");
  expect(other.get(seed)).toBeUndefined();
  await other.close();
});

test("seeds no longer there are forgotten; a new stamp of the same bytes is kept", async () => {
  const cache = await saved();
  cache.get(seed);
  const newStamp: SeedStamp = [1, 100, 2000, 2000];
  await cache.save([seed], new Map([["a.txt", newStamp]]));
  await cache.close();
  const again = await RecordCache.open(dir, "k");
  expect(again.knownDigest("a.txt", newStamp)).toBe(seed.sha256);
  await again.save([], new Map());
  await again.close();
  const empty = await RecordCache.open(dir, "k");
  expect(empty.get(seed)).toBeUndefined();
  await empty.close();
});

test("a damaged file is started again", async () => {
  await writeFile(path.join(dir, "records.sqlite"), "not a database, whatever it once was");
  const cache = await RecordCache.open(dir, "k");
  expect(cache.get(seed)).toBeUndefined();
  cache.keep(seed, undefined, packOutcome(outcome));
  await cache.save([seed], new Map());
  await cache.close();
  const again = await RecordCache.open(dir, "k");
  expect(again.get(seed)?.article?.headline).toBe(article.headline);
  await again.close();
});

test("a seed kept in this build is held as its head; its body goes once its last borrower gives it back", async () => {
  const cache = await RecordCache.open(dir, "k");
  const kept = cache.keep(seed, stamp, packOutcome(outcome));
  expect(kept.problems).toEqual(problems);
  expect(kept.article?.body).toEqual([BODY[0]]);
  const record = recordOf(kept.article);
  const first = cache.borrow([record]);
  const second = cache.borrow([record]);
  first();
  first();
  expect(record.body).toEqual(BODY);
  second();
  expect(record.body).toEqual([BODY[0]]);
  expect(record.markdown).toBeNull();
  await cache.close();
});

test("the rows of seeds parsed by a build that never saved are kept", async () => {
  const cache = await RecordCache.open(dir, "k");
  cache.keep(seed, stamp, packOutcome(outcome));
  await cache.close();
  const again = await RecordCache.open(dir, "k");
  expect(again.knownDigest("a.txt", stamp)).toBe(seed.sha256);
  const record = recordOf(again.get(seed)?.article ?? null);
  again.borrow([record]);
  expect(record.body).toEqual(BODY);
  await again.close();
});

test("related teasers are part of the body: the head holds the titles, borrowing brings the teasers back", async () => {
  const related = [
    { title: "Ferry fares rise", teaser: "Operators blamed the price of fuel and", url: null, line: 9 },
    { title: "Market reopens", teaser: null, url: null, line: 11 },
  ];
  const short = { article: { ...article, body: ["Only this."], related }, problems: [] } as SeedOutcome;
  const cache = await RecordCache.open(dir, "k");
  const kept = cache.keep(seed, stamp, packOutcome(short));
  expect(kept.article?.related).toEqual(related.map((item) => ({ ...item, teaser: null })));
  // The archive links a related item to an article after parsing; borrowing keeps the link.
  const record = recordOf(kept.article);
  record.related = record.related.map((item, i) => ({ ...item, url: i === 0 ? "/business/ferry/" : null }));
  const giveBack = cache.borrow([record]);
  expect(record.related.map((item) => [item.teaser, item.url])).toEqual([
    ["Operators blamed the price of fuel and", "/business/ferry/"],
    [null, null],
  ]);
  giveBack();
  expect(record.related.map((item) => [item.teaser, item.url])).toEqual([
    [null, "/business/ferry/"],
    [null, null],
  ]);
  await cache.close();
});

test("an article of one paragraph is kept whole and needs no borrowing", async () => {
  const short = { article: { ...article, body: ["Only this."] }, problems: [] } as SeedOutcome;
  const cache = await RecordCache.open(dir, "k");
  const kept = cache.keep(seed, stamp, packOutcome(short));
  expect(kept.article).toEqual(short.article);
  const record = recordOf(kept.article);
  cache.borrow([record])();
  expect(record.body).toEqual(["Only this."]);
  await cache.close();
});

test("every build's read of every row goes through the index of the small columns, not the heads and bodies", async () => {
  await (await saved()).close();
  const db = openCacheFile(path.join(dir, "records.sqlite"), "k");
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${LISTING_QUERY}`).all();
    expect(plan.map((step) => step["detail"])).toEqual(["SCAN seeds USING COVERING INDEX seeds_listing"]);
  } finally {
    db.close();
  }
});
