/**
 * Reading and writing the files of `.cache/`. A cache file that is missing,
 * not JSON or not of the expected shape reads as null: it only means
 * redoing the work it would have saved.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";

export async function readCacheFile<T extends z.ZodTypeAny>(file: string, schema: T): Promise<z.infer<T> | null> {
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Written beside the target and renamed over it, so a killed build never leaves half a file. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
