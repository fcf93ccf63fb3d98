/**
 * Writes a large file from its parts as they are produced, so an archive's
 * JSON (a hundred megabytes for 10,000 articles) is never one string in
 * memory.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";

export async function writeStreamed(file: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  try {
    for (const part of parts) if (!out.write(part)) await once(out, "drain");
  } finally {
    out.end();
  }
  await finished(out);
}

/** `JSON.stringify(items, null, 2)` and a newline, a part per item. */
export function* prettyJsonArray(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield `${first ? "[" : ","}\n  ${JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}
