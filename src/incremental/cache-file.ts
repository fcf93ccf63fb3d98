/**
 * Reading and writing the files of `.ppp-archive-cache/`. A cache file that is missing,
 * not JSON or not of the expected shape reads as null: it only means
 * redoing the work it would have saved.
 */
import { readFile } from "node:fs/promises";
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
