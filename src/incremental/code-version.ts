/**
 * A digest of the project files that shape the output (templates, styles,
 * code, locked dependencies): when any of them changes, nothing cached by an
 * earlier build is reused.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { digest } from "./digest.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FOLDERS = ["src", "templates", "public"];
const FILES = ["eleventy.config.ts", "package-lock.json"];
/** Raised when the cache's own layout changes. */
const CACHE_FORMAT = "1";

export async function codeVersion(): Promise<string> {
  const files = [...FILES];
  for (const folder of FOLDERS) {
    const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile()) files.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
    }
  }
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(path.join(ROOT, file)).catch(() => "")));
  return digest(CACHE_FORMAT, ...files.flatMap((file, i) => [file, contents[i] ?? ""]));
}
