/** Finds and reads seed files: the one place ingest touches the file system. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Root } from "mdast";
import type { Problem } from "../problems.ts";
import { type ParsedSeed, type SeedOptions, parseSeed } from "./parse-seed.ts";

export interface IngestResult {
  seeds: ParsedSeed[];
  problems: Problem[];
  /** How many seed files were read. */
  fileCount: number;
}

const SEED_FILE = /\.(?:txt|md)$/i;
const READ_BATCH = 64;

/** Seed paths relative to `dir`, `/`-separated, sorted, from every subfolder. */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SEED_FILE.test(entry.name) && !entry.name.startsWith("."))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

export async function ingestSeeds(
  dir: string,
  options: SeedOptions,
  onSeed: () => void = () => {},
): Promise<IngestResult> {
  const files = await listSeedFiles(dir);
  const seeds: ParsedSeed[] = [];
  const problems: Problem[] = [];
  // Reads run in batches: one await per small file would leave the CPU idle on I/O.
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    const contents = await Promise.all(batch.map((file) => readFile(path.join(dir, file))));
    batch.forEach((file, i) => {
      const result = parseSeed(contents[i] ?? Buffer.alloc(0), file, options);
      problems.push(...result.problems);
      if (result.parsed !== null) seeds.push(result.parsed);
      onSeed();
    });
  }
  return { seeds, problems, fileCount: files.length };
}

/** Body trees by source file, for the render stage. */
export function contentByFile(seeds: readonly ParsedSeed[]): Map<string, Root> {
  return new Map(seeds.map((seed) => [seed.article.source.file, seed.content]));
}
