/**
 * Writes a large file from its parts as they are produced, so an archive's
 * JSON (a hundred megabytes for 10,000 articles) is never one string in
 * memory.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";

/**
 * Parts are joined into writes of about a megabyte: one stream write per
 * record (10,000 per file) cost more in the stream's bookkeeping and
 * encoding than the bytes themselves.
 */
const WRITE_SIZE = 2 ** 20;

export async function writeStreamed(file: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  try {
    let pending: string[] = [];
    let size = 0;
    for (const part of parts) {
      pending.push(part);
      size += part.length;
      if (size < WRITE_SIZE) continue;
      const ready = out.write(pending.join(""));
      pending = [];
      size = 0;
      if (!ready) await once(out, "drain");
    }
    if (pending.length > 0) out.write(pending.join(""));
  } finally {
    out.end();
  }
  await finished(out);
}

/**
 * A JSON array with one item per line: half the size of indented JSON and
 * quicker to write, still easy to read and to diff line by line.
 */
export function* jsonLines(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? "[\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}
