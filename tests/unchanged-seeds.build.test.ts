/**
 * A rebuild whose seeds are all stamped as the last build read them reads
 * no article: it answers from the last build's state, with the same counts
 * and problems, and still sees what else changed (a photo, --strict).
 */
import { mkdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { BuildError, build } from "../src/build.ts";
import { scrapedPage, withTempDir } from "./helpers.ts";

async function writeSeeds(seedsDir: string): Promise<void> {
  await sharp({ create: { width: 320, height: 200, channels: 3, background: "#336699" } })
    .jpeg()
    .toFile(path.join(seedsDir, "ferry.jpg"));
  await writeFile(
    path.join(seedsDir, "ferry.md"),
    "---\nheadline: Ferry back in service\ndate: 2020-03-02\nimage: ferry.jpg\ncaption: The ferry at the pier.\ncredit: Staff\n---\nThe ferry crossed again on Monday.\n",
  );
  await writeFile(path.join(seedsDir, "bridge.txt"), bridgePage("The work should take a month."));
  // Left out with a warning (an error with --strict).
  await writeFile(path.join(seedsDir, "empty.txt"), "");
}

/** A temporary folder with the seeds above in `seeds/` and the site to be in `site/`. */
async function withSeeds(run: (seedsDir: string, outDir: string) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const seedsDir = path.join(dir, "seeds");
    await mkdir(seedsDir);
    await writeSeeds(seedsDir);
    await run(seedsDir, path.join(dir, "site"));
  });
}

/** A scraped page whose second paragraph is `second`. */
function bridgePage(second: string): string {
  return scrapedPage({
    headline: "Bridge repairs begin",
    header: ["By Sok Dara", "Publication date 03 March 2020 | 09:15 | ICT"],
    body: ["Crews closed one lane on Tuesday.", second],
    // Names no article of the archive: a warning the archive stage finds.
    related: [{ title: "A story this archive does not hold", teaser: "Its teaser is cut off and" }],
  });
}

test("a rebuild of unchanged seeds reads no article and reports what the last build found", async () => {
  await withSeeds(async (seedsDir, outDir) => {
    const first = await build({ seedsDir, outDir, quiet: true, workers: 0 });
    expect(first.problems.map((p) => p.code).sort()).toEqual(["emptyFile", "relatedNotFound"].sort());

    const again = await build({ seedsDir, outDir, quiet: true, workers: 0 });
    expect(again.upToDate).toBe(true);
    expect(again.records).toEqual([]);
    const counts = ({ articles, pages, seedFiles, skipped, problems }: typeof first): unknown[] => [
      articles,
      pages,
      seedFiles,
      skipped,
      problems,
    ];
    expect(counts(again)).toEqual(counts(first));

    // --strict does not change the output, but a seed left out is then an error, as in a first build.
    const strict = build({ seedsDir, outDir, quiet: true, workers: 0, strict: true });
    await expect(strict).rejects.toBeInstanceOf(BuildError);
    await expect(strict).rejects.toThrow("1 error in seeds");

    // A photo an article names is an input of its own: seeds unchanged, the page is made again.
    await sharp({ create: { width: 320, height: 200, channels: 3, background: "#993366" } })
      .jpeg()
      .toFile(path.join(seedsDir, "ferry.jpg"));
    const photo = await build({ seedsDir, outDir, quiet: true, workers: 0 });
    expect(photo.upToDate).toBe(false);
    expect(photo.records).toHaveLength(2);

    // A seed touched but not changed is read again, and the build finds nothing to do.
    await utimes(path.join(seedsDir, "bridge.txt"), new Date(), new Date(2030, 0, 1));
    const touched = await build({ seedsDir, outDir, quiet: true, workers: 0 });
    expect(touched.upToDate).toBe(true);
    expect(touched.records).toHaveLength(2);
  });
});

test("a build says how many seeds it parsed and how many pages it renders (the command line sizes the heap by them)", async () => {
  await withSeeds(async (seedsDir, outDir) => {
    const told = async (): Promise<{ parsed: number[]; planned: number[]; pages: number }> => {
      const parsed: number[] = [];
      const planned: number[] = [];
      const { pagesRendered } = await build({
        seedsDir,
        outDir,
        quiet: true,
        workers: 0,
        onParsed: (articles, seeds) => parsed.push(articles, seeds),
        onPlanned: (pages) => planned.push(pages),
      });
      return { parsed, planned, pages: pagesRendered };
    };
    const first = await told();
    // Two articles of three seeds (the empty one is left out), all parsed.
    expect(first.parsed).toEqual([2, 3]);
    expect(first.planned).toHaveLength(1);
    // The about, search and 404 pages are rendered with every build, outside the plan.
    expect(first.pages).toBeGreaterThan(first.planned[0] ?? Infinity);

    // Another second paragraph: the article's own page changes, not the lists that show its first.
    await writeFile(path.join(seedsDir, "bridge.txt"), bridgePage("The work should take six weeks."));
    const edited = await told();
    expect(edited.parsed).toEqual([2, 1]);
    expect(edited.planned).toEqual([1]);
  });
});
