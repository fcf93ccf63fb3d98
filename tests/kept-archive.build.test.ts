/**
 * A rebuild restores the archive the last build kept when its edited seeds
 * still read to the archive as before, and assembles it otherwise; either
 * way the site is the one a clean build makes.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BuildResult, BuildError, build } from "../src/build.ts";
import { cleanBuildHash, hashTree, scrapedPage } from "./helpers.ts";

let work: string;
let seedsDir: string;
let outDir: string;

/** Article `n` of four, dated in April 2019; each lists the one before it as related. */
const seed = (n: number, parts: { headline?: string; body?: string[]; date?: string; related?: string } = {}): string =>
  scrapedPage({
    headline: parts.headline ?? `Story ${n} of the kept archive`,
    header: ["By Sok Dara", `Publication date ${parts.date ?? `${n + 10} April 2019`} | 10:19 | ICT`],
    body: parts.body ?? [`Story ${n} opens here.`, `Story ${n} goes on here.`, `Story ${n} ends here.`],
    related: [{ title: parts.related ?? `Story ${n === 1 ? 4 : n - 1} of the kept archive`, teaser: "A teaser." }],
  });
const write = (n: number, text: string): Promise<void> => writeFile(path.join(seedsDir, `story-${n}.txt`), text);

const rebuild = (): Promise<BuildResult> => build({ seedsDir, outDir, quiet: true });
const phases = (result: BuildResult): string[] => result.timings.map((timing) => timing.phase);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-kept-"));
  seedsDir = path.join(work, "seeds");
  outDir = path.join(work, "site");
  await mkdir(seedsDir);
  for (let n = 1; n <= 4; n++) await write(n, seed(n));
  expect(phases(await rebuild())).toContain("archive");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the kept archive", () => {
  test("a paragraph added mid-body (its related list moves down) restores the archive and renders only its page", async () => {
    const body = ["Story 2 opens here.", "Story 2 goes on here.", "A paragraph added later.", "Story 2 ends here."];
    await write(2, seed(2, { body }));
    const result = await rebuild();
    expect(phases(result)).toContain("archive as kept");
    expect(phases(result)).not.toContain("archive");
    // The article's page and the about, search, sections and 404 pages.
    expect(result.pagesRendered).toBe(5);
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });

  test("a seed saved again unchanged is found as it was", async () => {
    await utimes(path.join(seedsDir, "story-3.txt"), new Date(), new Date(Date.now() + 5_000));
    const result = await rebuild();
    expect(result.upToDate).toBe(true);
  });

  test("what other pages show of an article (a headline, a related title, a date) assembles the archive", async () => {
    const edits = [
      seed(3, { headline: "Story 3 under a new headline" }),
      seed(3, { headline: "Story 3 under a new headline", related: "Story 4 of the kept archive" }),
      seed(3, { headline: "Story 3 under a new headline", related: "Story 4 of the kept archive", date: "1 May 2019" }),
    ];
    for (const text of edits) {
      await write(3, text);
      const result = await rebuild();
      expect(phases(result)).toContain("archive");
      expect(phases(result)).not.toContain("archive as kept");
      expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
    }
  });

  test("a seed added, and one removed, assemble the archive", async () => {
    await write(5, seed(5));
    expect(phases(await rebuild())).toContain("archive");
    await rm(path.join(seedsDir, "story-5.txt"));
    expect(phases(await rebuild())).toContain("archive");
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });

  test("after a build that failed, the seeds it parsed are compared with the published archive, not with that build", async () => {
    // The failed build parses story 1's new headline into the record cache, then stops on a new seed's date.
    await write(1, seed(1, { headline: "Story 1 retitled while another broke" }));
    await write(9, seed(9, { date: "31 February 2019" }));
    await expect(rebuild()).rejects.toBeInstanceOf(BuildError);
    await rm(path.join(seedsDir, "story-9.txt"));
    const result = await rebuild();
    expect(phases(result)).toContain("archive");
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
    // And from there, a body edit restores the archive again.
    const body = ["Story 1 opens here.", "Story 1 goes on here."];
    await write(1, seed(1, { headline: "Story 1 retitled while another broke", body }));
    expect(phases(await rebuild())).toContain("archive as kept");
    expect(await hashTree(outDir)).toBe(await cleanBuildHash(seedsDir));
  });
});
