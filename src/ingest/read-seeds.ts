/** Finds and reads seed files: the one place ingest touches the file system. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Root } from "mdast";
import type { Problem } from "../problems.ts";
import type { SeedArticle } from "../record.ts";
import { type SeedOptions, parseSeed, sha256Hex } from "./parse-seed.ts";

/** What parsing one seed gave: the article (null when it has errors) and its problems. */
export interface SeedOutcome {
  article: SeedArticle | null;
  problems: Problem[];
}

/** One seed file as read: its path relative to the seeds folder and the digest of its bytes. */
export interface SeedFile {
  file: string;
  sha256: string;
}

export interface IngestHooks {
  /** Called once per seed file, for progress. */
  onSeed?: () => void;
  /** An earlier build's outcome for these exact bytes, if it kept one. */
  cached?: (seed: SeedFile) => SeedOutcome | undefined;
}

export interface IngestResult {
  articles: SeedArticle[];
  /**
   * Body trees of markdown seeds parsed in this run. A scraped body is its
   * paragraphs as they are, so its tree is rebuilt from the record when needed.
   */
  markdownTrees: Map<string, Root>;
  problems: Problem[];
  /** Every seed file read, in path order. */
  files: SeedFile[];
  /** Outcomes of scraped seeds parsed in this run (not taken from `cached`), for the record cache. */
  parsed: Map<SeedFile, SeedOutcome>;
}

const SEED_FILE = /\.(?:txt|md)$/i;
const MARKDOWN = /\.md$/i;
const READ_BATCH = 64;

/** Seed paths relative to `dir`, `/`-separated, sorted, from every subfolder. */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SEED_FILE.test(entry.name) && !entry.name.startsWith("."))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

export async function ingestSeeds(dir: string, options: SeedOptions, hooks: IngestHooks = {}): Promise<IngestResult> {
  const names = await listSeedFiles(dir);
  const result: IngestResult = { articles: [], markdownTrees: new Map(), problems: [], files: [], parsed: new Map() };
  // Reads run in batches: one await per small file would leave the CPU idle on I/O.
  for (let start = 0; start < names.length; start += READ_BATCH) {
    const batch = names.slice(start, start + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => readFile(path.join(dir, file))));
    batch.forEach((file, i) => {
      ingestOne(result, file, contents[i] ?? Buffer.alloc(0), options, hooks.cached);
      hooks.onSeed?.();
    });
  }
  return result;
}

function ingestOne(
  result: IngestResult,
  file: string,
  bytes: Uint8Array,
  options: SeedOptions,
  cached: IngestHooks["cached"],
): void {
  const seed: SeedFile = { file, sha256: sha256Hex(bytes) };
  result.files.push(seed);
  // Markdown trees are not kept in the cache, so markdown seeds are always parsed.
  const markdown = MARKDOWN.test(file);
  let outcome = markdown ? undefined : cached?.(seed);
  if (outcome === undefined) {
    const { parsed, problems } = parseSeed(bytes, file, options, seed.sha256);
    outcome = { article: parsed?.article ?? null, problems };
    if (markdown && parsed !== null) result.markdownTrees.set(file, parsed.content);
    if (!markdown) result.parsed.set(seed, outcome);
  }
  result.problems.push(...outcome.problems);
  if (outcome.article !== null) result.articles.push(outcome.article);
}
