/**
 * A digest of the project files that shape the output (templates, styles,
 * code, locked dependencies): when any of them changes, nothing cached by an
 * earlier build is reused.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { regularFilesUnder } from "../util/files-under.ts";
import { digest, digestJson } from "./digest.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FOLDERS = ["src", "templates", "public"];
const FILES = ["eleventy.config.ts", "package-lock.json"];
/** Raised when the cache's own layout changes. */
const CACHE_FORMAT = "1";

export async function codeVersion(): Promise<string> {
  const files = [...FILES];
  for (const folder of FOLDERS) {
    files.push(...regularFilesUnder(path.join(ROOT, folder)).map((file) => `${folder}/${file}`));
  }
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(path.join(ROOT, file)).catch(() => "")));
  return digest(CACHE_FORMAT, ...files.flatMap((file, i) => [file, contents[i] ?? ""]));
}

/**
 * A digest of another Eleventy config (`build({ eleventyConfig })`) and of
 * what may lie beside it, templates included: the config file's bytes, and
 * the path, size and modification time of every file under its folder,
 * but for `skip` (the seeds, the output), `node_modules` and dot-folders.
 * The templates folder it names is not known before Eleventy loads it;
 * templates kept beside the config, as a site's own theme is, are covered.
 */
export async function configVersion(configFile: string, skip: readonly string[]): Promise<string> {
  const root = path.dirname(path.resolve(configFile));
  const skipped = new Set(skip.map((folder) => path.resolve(folder)));
  const stamps: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith(".") || entry.name === "node_modules" || skipped.has(full)) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const info = await stat(full).catch(() => null);
        if (info !== null) stamps.push(`${path.relative(root, full)}\0${info.size}\0${info.mtimeMs}`);
      }
    }
  };
  await walk(root);
  return digest(CACHE_FORMAT, configFile, await readFile(configFile).catch(() => ""), ...stamps);
}

/**
 * The digest of the code that makes the site (`codeVersion`) and, with
 * another Eleventy config (`eleventyConfig`), of what lies beside it, which
 * shapes the output as the project's templates do.
 */
export async function buildCode(eleventyConfig: string | undefined, skip: readonly string[]): Promise<string> {
  const code = await codeVersion();
  return eleventyConfig === undefined ? code : digestJson([code, await configVersion(eleventyConfig, skip)]);
}
