/**
 * A year larger than `searchShardArticles` is indexed in runs of months
 * (days): the data files stay one a year, byte for byte as with whole-year
 * shards, and an edit re-indexes only the run that holds the article.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { hashTree, scrapedPage } from "./helpers.ts";

const LIMIT = 3;
/** Six articles on six days of April 2019, three in May 2019, one in 2020. */
const DAYS = ["11 April", "12 April", "13 April", "14 April", "15 April", "16 April", "2 May", "9 May", "20 May"];
const seed = (n: number, body = `Paragraph one of report ${n}.`): string =>
  scrapedPage({
    headline: `Report ${n} from the provinces`,
    header: ["By Sok Dara", `Publication date ${DAYS[n] ?? "3 March"} ${n < DAYS.length ? 2019 : 2020} | 10:19 | ICT`],
    body: [body, `Paragraph two of report ${n}.`],
  });

let work: string;
let seedsDir: string;
/** Each site in a folder of its own, with its own build cache beside it. */
const site = (name: string): string => path.join(work, name, "site");
const buildInto = (name: string, limit?: number) =>
  build({
    seedsDir,
    outDir: site(name),
    quiet: true,
    ...(limit === undefined ? {} : { site: { searchShardArticles: limit } }),
  });

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-split-shards-"));
  seedsDir = path.join(work, "seeds");
  await mkdir(seedsDir);
  for (let n = 0; n <= DAYS.length; n++) await writeFile(path.join(seedsDir, `report-${n}.txt`), seed(n));
  await buildInto("split", LIMIT);
  await buildInto("whole");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a year split into search shards", () => {
  test("is indexed in runs of months, and of days for a month larger than the limit", async () => {
    expect((await readdir(path.join(site("split"), "pagefind"))).sort()).toEqual([
      "2019-04-11",
      "2019-04-14",
      "2019-05",
      "2020",
    ]);
    expect((await readdir(path.join(site("whole"), "pagefind"))).sort()).toEqual(["2019", "2020"]);
    const form = await readFile(path.join(site("split"), "search", "index.html"), "utf8");
    expect(/data-shards="([^"]*)"/u.exec(form)?.[1]).toBe(
      "/pagefind/2020/ 2020 1 2020 2020,/pagefind/2019-05/ 2019 3 2019-05 2019-05," +
        "/pagefind/2019-04-14/ 2019 3 2019-04-14 2019-04-16,/pagefind/2019-04-11/ 2019 3 2019-04-11 2019-04-13",
    );
  });

  test("keeps one data file a year, the same as with whole-year shards", async () => {
    expect(await hashTree(path.join(site("split"), "data"))).toBe(await hashTree(path.join(site("whole"), "data")));
  });

  test("an edit re-indexes the run holding the article alone, and the site is the one a clean build makes", async () => {
    const entry = (shard: string) => path.join(site("split"), "pagefind", shard, "pagefind-entry.json");
    const before = await Promise.all(
      ["2019-04-11", "2019-04-14", "2019-05"].map(async (s) => (await stat(entry(s))).ino),
    );
    await writeFile(path.join(seedsDir, "report-4.txt"), seed(4, "Paragraph one of report 4, corrected."));
    await buildInto("split", LIMIT);
    const after = await Promise.all(
      ["2019-04-11", "2019-04-14", "2019-05"].map(async (s) => (await stat(entry(s))).ino),
    );
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    const data = await readFile(path.join(site("split"), "data", "articles", "2019.json"), "utf8");
    expect(data).toContain("report 4, corrected.");
    await buildInto("clean", LIMIT);
    expect(await hashTree(site("split"))).toBe(await hashTree(site("clean")));
  });
});
