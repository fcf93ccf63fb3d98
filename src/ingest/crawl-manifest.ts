/**
 * The crawl manifest, `crawl.jsonl` in the seeds folder: one JSON object a
 * line naming a seed file, the URL it was crawled from and, optionally,
 * when it was fetched. A line that cannot be read is skipped with a warning
 * naming it; a seed the manifest does not name keeps its own text's reading.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type Problem, finding, problemText } from "../model/problems.ts";
import { isHttpUrl } from "../util/http-url.ts";
import { parseIsoDate } from "./parse-date-line.ts";
import type { CrawlEntry } from "./source-url.ts";

export const CRAWL_MANIFEST = "crawl.jsonl";

const lineSchema = z.object({
  file: z.string().trim().min(1),
  url: z.string().trim().refine(isHttpUrl, "`url` must be an absolute http(s) URL"),
  fetched: z.string().trim().optional(),
});

export interface CrawlManifest {
  /** Seed path (relative, `/`-separated) -> where it was crawled from. */
  entries: Map<string, CrawlEntry>;
  /** Seed path -> the manifest line that names it. */
  lines: Map<string, number>;
  problems: Problem[];
}

/** The manifest in `seedsDir`, or an empty one when there is none. */
export async function readCrawlManifest(seedsDir: string, timeZone: string): Promise<CrawlManifest> {
  const manifest: CrawlManifest = { entries: new Map(), lines: new Map(), problems: [] };
  let text: string;
  try {
    text = await readFile(path.join(seedsDir, CRAWL_MANIFEST), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return manifest;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    manifest.problems.push({ file: CRAWL_MANIFEST, ...finding(1, "warning", problemText.unreadableFile(code)) });
    return manifest;
  }
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const skip = (why: string): void => {
      manifest.problems.push({
        file: CRAWL_MANIFEST,
        ...finding(i + 1, "warning", problemText.crawlManifestLine(why)),
      });
    };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      skip("not a JSON object");
      return;
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      skip(parsed.error.issues.map((issue) => issue.message).join("; "));
      return;
    }
    const { file, url, fetched } = parsed.data;
    const fetchedIso = fetched === undefined ? null : parseIsoDate(fetched, timeZone);
    if (fetched !== undefined && fetchedIso === null) {
      skip(`\`fetched\` is not an ISO 8601 date: ${fetched}`);
      return;
    }
    const seed = file.replace(/^\.\//u, "");
    manifest.entries.set(seed, { url, fetched: fetchedIso });
    manifest.lines.set(seed, i + 1);
  });
  return manifest;
}

/** Warnings for manifest entries that name no seed of this build. */
export function unknownManifestFiles(manifest: CrawlManifest, seeds: ReadonlySet<string>): Problem[] {
  return [...manifest.entries.keys()]
    .filter((file) => !seeds.has(file))
    .map((file) => ({
      file: CRAWL_MANIFEST,
      ...finding(manifest.lines.get(file) ?? 1, "warning", problemText.crawlManifestUnknownFile(file)),
    }));
}
