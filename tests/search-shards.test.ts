/** How the archive is split into search index shards: years, and runs of months or days in large years. */
import { describe, expect, test } from "vitest";
import type { ArticleRecord } from "../src/model/record.ts";
import { byYear, searchShards } from "../src/render/search-shards.ts";

let made = 0;
/** Records on these days (`2019-05-16`, or null for undated), in archive order: newest first, undated last. */
function records(days: readonly (string | null)[]): ArticleRecord[] {
  const sorted = [...days].sort((a, b) => (a === null ? 1 : b === null ? -1 : b.localeCompare(a)));
  return sorted.map((day) => {
    made += 1;
    const date = day === null ? null : `${day}T10:00:00+07:00`;
    return { url: `/national/a-${made}/`, date } as ArticleRecord;
  });
}

/** `count` days in `month` (`2019-05`), spread over its first 28 days. */
const inMonth = (month: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${month}-${String((i % 28) + 1).padStart(2, "0")}`);

const summary = (shards: ReturnType<typeof searchShards>): string[] =>
  [...shards.values()].map((s) => `${s.name} ${s.year} ${s.from}..${s.to} ${s.records.length}`);

describe("search shards", () => {
  test("a year within the limit is one shard; undated articles come last", () => {
    const archive = records([...inMonth("2020-02", 3), ...inMonth("2019-11", 2), null, null]);
    expect(summary(searchShards(archive, 5))).toEqual([
      "2020 2020 2020..2020 3",
      "2019 2019 2019..2019 2",
      "undated undated Undated..Undated 2",
    ]);
  });

  test("a larger year is split into runs of whole months, packed from the oldest, newest run first", () => {
    const archive = records([
      ...inMonth("2019-01", 2),
      ...inMonth("2019-02", 2),
      ...inMonth("2019-03", 3),
      ...inMonth("2019-07", 1),
      ...inMonth("2019-12", 4),
    ]);
    const shards = searchShards(archive, 5);
    expect(summary(shards)).toEqual([
      "2019-12 2019 2019-12..2019-12 4",
      "2019-03 2019 2019-03..2019-07 4",
      "2019-01 2019 2019-01..2019-02 4",
    ]);
    // Each article in exactly one shard, newest first within it.
    const all = [...shards.values()].flatMap((s) => s.records);
    expect(all).toEqual(archive);
  });

  test("a month larger than the limit is split into runs of days; a day larger still is a shard alone", () => {
    const archive = records([
      "2019-05-01",
      "2019-05-01",
      "2019-05-02",
      ...Array.from({ length: 4 }, () => "2019-05-20"),
      "2019-05-21",
      ...inMonth("2019-06", 2),
    ]);
    expect(summary(searchShards(archive, 3))).toEqual([
      "2019-06 2019 2019-06..2019-06 2",
      "2019-05-21 2019 2019-05-21..2019-05-21 1",
      "2019-05-20 2019 2019-05-20..2019-05-20 4",
      "2019-05-01 2019 2019-05-01..2019-05-02 3",
    ]);
  });

  test("articles added in the newest month leave the older runs as they were", () => {
    const older = [...inMonth("2019-01", 3), ...inMonth("2019-02", 2), ...inMonth("2019-03", 3)];
    const before = searchShards(records([...older, ...inMonth("2019-04", 1)]), 6);
    const after = searchShards(records([...older, ...inMonth("2019-04", 4)]), 6);
    expect([...before.keys()]).toEqual(["2019-03", "2019-01"]);
    expect([...after.keys()]).toEqual(["2019-04", "2019-03", "2019-01"]);
    expect(after.get("2019-01")?.records.map((r) => r.date)).toEqual(before.get("2019-01")?.records.map((r) => r.date));
  });

  test("undated articles, which have no months, are split by count", () => {
    const archive = records([null, null, null, null, null]);
    expect(summary(searchShards(archive, 2))).toEqual([
      "undated undated Undated..Undated 2",
      "undated-2 undated Undated..Undated 2",
      "undated-3 undated Undated..Undated 1",
    ]);
  });

  test("data files stay one per year however the shards split", () => {
    const archive = records([...inMonth("2019-01", 4), ...inMonth("2019-02", 4), null]);
    expect([...byYear(archive)].map(([year, inYear]) => `${year} ${inYear.length}`)).toEqual(["2019 8", "undated 1"]);
  });
});
