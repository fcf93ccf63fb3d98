/** Finds and reads seed files: the one place ingest touches the file system. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Problem, problemText, skipFinding } from "../model/problems.ts";
import type { SeedArticle } from "../model/record.ts";
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
  problems: Problem[];
  /** Every seed file read, in path order. */
  files: SeedFile[];
  /** Outcomes of seeds parsed in this run (not taken from `cached`), for the record cache. */
  parsed: Map<SeedFile, SeedOutcome>;
}

const SEED_FILE = /\.(?:txt|md)$/i;
const READ_BATCH = 64;

/**
 * The seed files under `dir` (relative, `/`-separated, sorted, from every subfolder), and warnings for what looks like a seed but is
 * not read: a symbolic link (seeds are read only from real files inside the
 * folder), or a file whose name is not UTF-8 (it cannot be named in the site).
 */
async function findSeedFiles(dir: string): Promise<{ files: string[]; problems: Problem[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (entry.isSymbolicLink()) problems.push(skipped(file, problemText.symbolicLink()));
    else if (!entry.isFile() || !SEED_FILE.test(entry.name)) continue;
    else if (file.includes("\uFFFD")) problems.push(skipped(file, problemText.fileNameNotUtf8()));
    else files.push(file);
  }
  return { files: files.sort(), problems: problems.sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

function skipped(file: string, text: ReturnType<typeof problemText.symbolicLink>): Problem {
  return { file, ...skipFinding(1, text) };
}

export async function ingestSeeds(dir: string, options: SeedOptions, hooks: IngestHooks = {}): Promise<IngestResult> {
  const found = await findSeedFiles(dir);
  const names = found.files;
  const result: IngestResult = {
    articles: [],
    problems: [...found.problems],
    files: [],
    parsed: new Map(),
  };
  // Reads run in batches: one await per small file would leave the CPU idle on I/O.
  for (let start = 0; start < names.length; start += READ_BATCH) {
    const batch = names.slice(start, start + READ_BATCH);
    const contents = await Promise.all(
      batch.map((file) =>
        readFile(path.join(dir, file)).catch((error: NodeJS.ErrnoException) => {
          result.problems.push(skipped(file, problemText.unreadableFile(error.code ?? String(error))));
          return null;
        }),
      ),
    );
    batch.forEach((file, i) => {
      const bytes = contents[i];
      if (bytes !== null && bytes !== undefined) ingestOne(result, file, bytes, options, hooks.cached);
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
  let outcome = cached?.(seed);
  if (outcome === undefined) {
    const { parsed, problems } = parseSeed(bytes, file, options, seed.sha256);
    outcome = { article: parsed?.article ?? null, problems };
    result.parsed.set(seed, outcome);
  }
  result.problems.push(...outcome.problems);
  if (outcome.article !== null) result.articles.push(outcome.article);
}
