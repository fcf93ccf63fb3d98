/**
 * Seeds that used to crash the build: each is now a `path:line: severity:
 * message` with a hint, the same in `npm run check` and `npm run build`,
 * and never a stack trace.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { slugify } from "../src/model/slugify.ts";
import { type ScriptOutcome, runScript, scrapedPage } from "./helpers.ts";

type Outcome = ScriptOutcome;
const cli = runScript;

/** Every expected line starts one of the reported lines. */
function expectReported(reported: readonly string[], expected: readonly string[]): void {
  for (const start of expected) expect(reported.some((line) => line.startsWith(start))).toBe(true);
}

/** `path:line: severity: message` lines of a run's output, without the seeds folder. */
function problemLines(output: string, seedsDir: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith(`${seedsDir}/`) && /:\d+: (?:error|warning): /u.test(line))
    .map((line) => line.slice(seedsDir.length + 1))
    .sort();
}

const good = (headline: string, frontMatter?: string): string =>
  scrapedPage({
    headline,
    header: ["Publication date 3 May 2019 | 10:00 | ICT"],
    body: [`The body of ${headline}.`],
    ...(frontMatter === undefined ? {} : { frontMatter }),
  });

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-problems-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("warnings: the build goes on, check and build report the same", () => {
  let seeds: string;
  let check: Outcome;
  let built: Outcome;
  const out = (): string => path.join(work, "warn-site");

  beforeAll(async () => {
    seeds = path.join(work, "warn-seeds");
    await mkdir(path.join(seeds, "images"), { recursive: true });
    await writeFile(path.join(seeds, "images", "text.jpg"), "this is not a picture");
    await writeFile(
      path.join(seeds, "images", "broken.svg"),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&broken;</text></svg>',
    );
    const outside = path.join(work, "outside.jpg");
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } })
      .jpeg()
      .toFile(outside);
    await symlink(outside, path.join(seeds, "images", "linked.jpg"));
    await writeFile(path.join(seeds, "text-image.txt"), good("A photo that is text", "image: images/text.jpg"));
    await writeFile(path.join(seeds, "svg-image.txt"), good("A broken drawing", "image: images/broken.svg"));
    await writeFile(path.join(seeds, "linked-image.txt"), good("A linked photo", "image: images/linked.jpg"));
    await writeFile(path.join(seeds, "missing-image.txt"), good("A missing photo", "image: images/gone.jpg"));
    await writeFile(path.join(work, "elsewhere.txt"), good("A seed kept elsewhere"));
    await symlink(path.join(work, "elsewhere.txt"), path.join(seeds, "linked-seed.txt"));
    await writeFile(
      Buffer.concat([Buffer.from(`${seeds}/caf`), Buffer.from([0xe9]), Buffer.from(".txt")]),
      good("Named in Latin-1"),
    );
    const astral = `${"a".repeat(79)}𠀀𠀀 ${"b".repeat(10)}`;
    await writeFile(path.join(seeds, "astral.txt"), good(astral));
    check = await cli("cli/check.ts", ["--seeds", seeds]);
    built = await cli("cli.ts", ["--seeds", seeds, "--out", out()]);
  });

  test("no stack trace, exit 0 for both", () => {
    for (const outcome of [check, built]) {
      expect(outcome.code).toBe(0);
      expect(`${outcome.stdout}${outcome.stderr}`).not.toMatch(/\n\s+at |Error:/u);
    }
  });

  test("each problem is located and reported the same by check, build and a no-change rebuild", async () => {
    const reported = problemLines(check.stderr, seeds);
    expect(reported).toEqual(problemLines(built.stderr, seeds));
    const again = await cli("cli.ts", ["--seeds", seeds, "--out", out()]);
    expect(again.stdout).toMatch(/nothing changed/);
    expect(problemLines(again.stderr, seeds)).toEqual(reported);
    expectReported(reported, [
      "text-image.txt:2: warning: image `images/text.jpg` cannot be decoded as an image",
      "svg-image.txt:2: warning: image `images/broken.svg` cannot be decoded as an image",
      "linked-image.txt:2: warning: image `images/linked.jpg` lies outside the seeds folder",
      "missing-image.txt:2: warning: image `images/gone.jpg` not found inside the seeds folder",
      "linked-seed.txt:1: warning: symbolic link not followed",
      "caf\uFFFD.txt:1: warning: the file name is not valid UTF-8",
    ]);
  });

  test("nothing outside the seeds folder is published, and the pages are there without photos", async () => {
    expect(await readdir(path.join(out(), "img")).catch(() => [])).toEqual([]);
    expect(await readdir(path.join(out(), "national"))).toContain("a-linked-photo");
  });

  test("a slug cut at its length limit never splits a character", async () => {
    const slug = slugify(`${"a".repeat(79)}𠀀𠀀 ${"b".repeat(10)}`);
    expect(slug).toBe(`${"a".repeat(79)}𠀀`);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(slug)).toBe(false);
    expect(await readdir(path.join(out(), "national"))).toContain(slug);
  });
});

describe("errors: the build stops, each located, check reports the same", () => {
  test("long slugs and sections, reserved sections, deeply nested markdown", async () => {
    const seeds = path.join(work, "error-seeds");
    await mkdir(seeds, { recursive: true });
    await writeFile(path.join(seeds, "long-slug.txt"), good("Long slug", `slug: ${"s".repeat(300)}`));
    await writeFile(path.join(seeds, "long-section.txt"), good("Long section", `section: ${"x".repeat(300)}`));
    for (const section of ["pagefind", "img", "data", "feed", "sitemap"])
      await writeFile(path.join(seeds, `section-${section}.txt`), good(`Into ${section}`, `section: ${section}`));
    await writeFile(
      path.join(seeds, "nested.md"),
      `---\nheadline: Nested quotes\n---\nA start.\n\n${">".repeat(8000)} deep\n`,
    );
    await writeFile(path.join(seeds, "nested-list.md"), `---\nheadline: Nested lists\n---\n${"- ".repeat(3000)}deep\n`);
    const check = await cli("cli/check.ts", ["--seeds", seeds]);
    const built = await cli("cli.ts", ["--seeds", seeds, "--out", path.join(work, "error-site")]);
    expect(check.code).toBe(1);
    expect(built.code).toBe(1);
    for (const outcome of [check, built])
      expect(`${outcome.stdout}${outcome.stderr}`).not.toMatch(/\n\s+at |RangeError/u);
    const reported = problemLines(check.stderr, seeds);
    expect(reported).toEqual(problemLines(built.stderr, seeds));
    expectReported(reported, [
      "long-slug.txt:2: error: front matter `slug` must be at most 200 bytes long",
      // A person names a configured section; the site's own paths are none of them.
      `long-section.txt:2: error: front matter \`section\` \`${"x".repeat(300)}\` is not a configured section`,
      "section-pagefind.txt:2: error: front matter `section` `pagefind` is not a configured section",
      "section-img.txt:2: error: front matter `section` `img` is not a configured section",
      "section-data.txt:2: error: front matter `section` `data` is not a configured section",
      "section-feed.txt:2: error: front matter `section` `feed` is not a configured section",
      "section-sitemap.txt:2: error: front matter `section` `sitemap` is not a configured section",
      "nested.md:6: error: markdown nested 8000 levels deep",
      "nested-list.md:4: error: markdown nested 3000 levels deep",
    ]);
  });
});
