/**
 * The records of `data/articles.json`, serialized one per line. A record
 * that stands where it stood in the last build and whose page key is the
 * same is copied from the published file rather than serialized again: the
 * key covers the whole record (its body through the seed's digest), and
 * the file holds one record per line in archive order, the order of the
 * last build's page keys. At 100,000 articles that file is 550 MB, and an
 * edit changes one line of it.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { ArticleRecord } from "../model/record.ts";

export interface PublishedRecords {
  /** The published `data/articles.json`, unchanged since the build that wrote it. */
  file: string;
  /** Whether record `i` of this build is the record on line `i` of that file. */
  same: (i: number, record: ArticleRecord) => boolean;
}

export async function* recordJson(
  records: readonly ArticleRecord[],
  published: PublishedRecords | null,
): AsyncGenerator<string> {
  const lines =
    published === null ? null : createInterface({ input: createReadStream(published.file), crlfDelay: Infinity });
  const old = lines?.[Symbol.asyncIterator]();
  let reading = old !== undefined && (await nextLine(old)) === "[";
  try {
    for (const [i, record] of records.entries()) {
      const line = reading && old !== undefined ? await nextLine(old) : null;
      if (line === null || line === "]") reading = false;
      const json = line?.endsWith(",") === true ? line.slice(0, -1) : line;
      yield reading && json !== null && published?.same(i, record) === true ? json : JSON.stringify(record);
    }
  } finally {
    lines?.close();
  }
}

/** The next line, or null at the end or when the file cannot be read (every record is then serialized). */
async function nextLine(lines: AsyncIterator<string>): Promise<string | null> {
  try {
    const next = await lines.next();
    return next.done === true ? null : next.value;
  } catch {
    return null;
  }
}
