/** Shared test set-up: parse options, fixture folders, temporary directories. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { fileURLToPath } from "node:url";
import { SITE_DEFAULTS } from "../src/model/site-config.ts";
import { promisify } from "node:util";
import { type SeedOptions, seedOptions } from "../src/ingest/seed-options.ts";
import { expect } from "vitest";
import { headOf } from "../src/ingest/packed-outcome.ts";
import { type ArticleRecord, articleRecordSchema } from "../src/model/record.ts";
import { type BuildOptions, build } from "../src/build.ts";

/** The parser's options under the default settings, which every fixture is parsed with. */
export const SEED_OPTIONS: SeedOptions = seedOptions(SITE_DEFAULTS);

export const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
const runFile = promisify(execFile);
export const PARSE_FIXTURES = path.join(PROJECT_ROOT, "tests/fixtures/parse");
export const REAL_SEED = path.join(PROJECT_ROOT, "seeds/000_e0ac2be6c21d23bc.txt");

/** `UPDATE=1 npm test` rewrites expected fixture outputs; review them in the diff. */
export const UPDATE = process.env["UPDATE"] === "1";

export interface Fixture {
  name: string;
  dir: string;
  /** `seed.txt` or `seed.md`. */
  seedFile: string;
}

export async function parseFixtures(): Promise<Fixture[]> {
  const names = (await readdir(PARSE_FIXTURES)).sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = path.join(PARSE_FIXTURES, name);
      const seedFile = (await readdir(dir)).find((file) => file.startsWith("seed."));
      if (seedFile === undefined) throw new Error(`fixture ${name} has no seed file`);
      return { name, dir, seedFile };
    }),
  );
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "ppp-test-"));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A second page with the real seed's headline, and one whose headline is a related title of the real seed. */
export const EXTRA_SEEDS: Readonly<Record<string, string>> = {
  "same-headline.txt": [
    "Logo of Phnom Penh Post newspaper Phnom Penh Post - Sokha vows neutrality in Cambodia’s civil service",
    "",
    "Sokha vows neutrality in Cambodia’s civil service",
    "",
    "Publication date 10 October 2017 | 08:00 | ICT",
    "",
    "A different article that happens to share the headline.",
    "",
  ].join("\n"),
  "related-target.txt": [
    "Logo of Phnom Penh Post newspaper Phnom Penh Post - Final poll results confirm first single-party Assembly",
    "",
    "Final poll results confirm first single-party Assembly",
    "",
    "By Keo Ratha",
    "",
    "Publication date 15 August 2018 | 18:00 | ICT",
    "",
    "Final poll results confirm first single-party Assembly",
    "",
    "The National Election Committee released the official results on Wednesday.",
    "",
  ].join("\n"),
};

/**
 * Writes the real seed, every parser fixture and `EXTRA_SEEDS` into
 * `seedsDir`; with `image`, also the photo the front-matter fixture names.
 */
export async function writeFixtureSeeds(seedsDir: string, options: { image?: boolean } = {}): Promise<void> {
  if (options.image === true) {
    await mkdir(path.join(seedsDir, "images"), { recursive: true });
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#7a8b99" } })
      .jpeg()
      .toFile(path.join(seedsDir, "images", "factory.jpg"));
  }
  await mkdir(path.join(seedsDir, "fixtures"), { recursive: true });
  await copyFile(REAL_SEED, path.join(seedsDir, path.basename(REAL_SEED)));
  for (const fixture of await parseFixtures()) {
    const target = path.join(seedsDir, "fixtures", `${fixture.name}${path.extname(fixture.seedFile)}`);
    await copyFile(path.join(fixture.dir, fixture.seedFile), target);
  }
  for (const [name, text] of Object.entries(EXTRA_SEEDS)) await writeFile(path.join(seedsDir, name), text);
}

/** SHA-256 over every file's relative path and bytes: equal hashes mean byte-for-byte equal folders. */
export async function hashTree(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(dir, file)));
  return hash.digest("hex");
}

/** The `hashTree` of the site a clean build of `seedsDir` makes (with `options`), in a fresh folder with no cache. */
export async function cleanBuildHash(seedsDir: string, options: Partial<BuildOptions> = {}): Promise<string> {
  const fresh = await mkdtemp(path.join(tmpdir(), "ppp-clean-"));
  try {
    const outDir = path.join(fresh, "site");
    await build({ ...options, seedsDir, outDir, quiet: true });
    return await hashTree(outDir);
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/** Every record of a built site's data files (`data/index.json` names them), in archive order. */
export async function readArchiveData(outDir: string): Promise<unknown[]> {
  const index = JSON.parse(await readFile(path.join(outDir, "data", "index.json"), "utf8")) as {
    files: { file: string }[];
  };
  const years = await Promise.all(
    index.files.map(
      async ({ file }) => JSON.parse(await readFile(path.join(outDir, "data", file), "utf8")) as unknown[],
    ),
  );
  return years.flat();
}

/**
 * The site's records with their whole bodies, from its data files, and a
 * check that the build held each as its head (`packed-outcome.ts`).
 */
export async function wholeRecords(outDir: string, held: readonly ArticleRecord[]): Promise<ArticleRecord[]> {
  const whole = (await readArchiveData(outDir)).map((record) => articleRecordSchema.parse(record));
  expect(held).toEqual(whole.map((record) => headOf(record).article));
  return whole;
}

/** What one run of a command-line entry point printed, and its exit code. */
export interface ScriptOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `src/<script>` (`cli.ts`, `cli/check.ts`…) with Node, which strips the types, as `npm run` does, and waits for it. */
export function runScript(script: string, args: readonly string[]): Promise<ScriptOutcome> {
  return runFile(process.execPath, [path.join(PROJECT_ROOT, "src", script), ...args], {
    cwd: PROJECT_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: ScriptOutcome) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A temporary folder with one seed, `seeds/<name>` holding `text`, served by `npm run serve` on a free port. */
export async function serveOneSeed(
  name: string,
  text: string,
): Promise<{ dir: string; seed: string; port: number; child: ChildProcess; output: () => string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "ppp-serve-"));
  const seeds = path.join(dir, "seeds");
  await mkdir(seeds);
  const seed = path.join(seeds, name);
  await writeFile(seed, text);
  const port = await freePort();
  return { dir, seed, port, ...startServe(seeds, path.join(dir, "site"), port) };
}

/** `npm run serve` on `port`, with everything it prints collected in `output()`. */
export function startServe(
  seedsDir: string,
  outDir: string,
  port: number,
): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "src/cli/serve.ts"), "--seeds", seedsDir, "--out", outDir, "--port", String(port)],
    { cwd: PROJECT_ROOT, stdio: "pipe" },
  );
  let printed = "";
  child.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  return { child, output: () => printed };
}

/** Every path below `dir`, relative and sorted, to see what a run wrote where. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

/** A scraped page in the seed format, for tests that generate seeds. */
export function scrapedPage(parts: {
  headline: string;
  header?: readonly string[];
  body: readonly string[];
  related?: readonly { title: string; teaser: string }[];
  frontMatter?: string;
}): string {
  const lines = [
    ...(parts.frontMatter === undefined ? [] : ["---", parts.frontMatter.trimEnd(), "---"]),
    `Logo of Phnom Penh Post newspaper Phnom Penh Post - ${parts.headline}`,
    "",
    parts.headline,
    "",
    ...(parts.header ?? []).flatMap((line) => [line, ""]),
    parts.headline,
    "",
    ...parts.body.flatMap((paragraph) => [paragraph, ""]),
    ...(parts.related ?? []).flatMap((item) => ["", `  • ${item.title}`, "", `    ${item.teaser}`]),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `count` texts of `length` pieces each, drawn from `pieces` by a
 * deterministic generator (Park–Miller), for property tests that compare a
 * function with a plain reference over many mixed inputs.
 */
export function mixedTexts(pieces: readonly string[], length: number, count: number, seed: number): string[] {
  let state = seed;
  const next = (): string => pieces[(state = (state * 48271) % 2147483647) % pieces.length] ?? "";
  return Array.from({ length: count }, () => Array.from({ length }, next).join(""));
}
