/**
 * Writes a file beside its target and renames it over the target, so a
 * killed build never leaves half a file. The temporary name is unique per
 * call: two writes of one file at once (in one process or two) never share it.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeStreamed } from "./write-streamed.ts";

/** `content` is one string or, for large files, its parts as they are produced; or bytes. */
export async function writeAtomically(file: string, content: string | Iterable<string> | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    if (content instanceof Uint8Array) await writeFile(temporary, content);
    else await writeStreamed(temporary, typeof content === "string" ? [content] : content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
