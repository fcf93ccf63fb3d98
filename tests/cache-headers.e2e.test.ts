/**
 * The shipped host configs cache for good only files whose names carry a
 * content hash: a file that keeps its name while a rebuild changes it must be
 * revalidated, or returning readers ask for index files that no longer exist.
 */
import { createHash } from "node:crypto";
import { appendFile, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { build } from "../src/build.ts";
import { PROJECT_ROOT, withTempDir, writeFixtureSeeds } from "./helpers.ts";

const IMMUTABLE = /immutable/u;

/** Netlify and Cloudflare `_headers` paths whose block sets an immutable Cache-Control, as regular expressions. */
function headersRules(text: string): RegExp[] {
  const rules: RegExp[] = [];
  let current: string | null = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("/")) current = line.trim();
    else if (/^\s+Cache-Control:/iu.test(line) && IMMUTABLE.test(line) && current !== null) {
      const pattern = current
        .split(/(\*|:[A-Za-z]+)/u)
        .map((part) =>
          part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/gu, "\\$&"),
        )
        .join("");
      rules.push(new RegExp(`^${pattern}$`, "u"));
    }
  }
  return rules;
}

/** nginx `location ~ REGEX {` blocks that add an immutable Cache-Control. */
function nginxRules(text: string): RegExp[] {
  const blocks = text.matchAll(/location ~ (\S+) \{([^}]*)\}/gu);
  return [...blocks]
    .filter(([, , body]) => IMMUTABLE.test(body ?? ""))
    .map(([, regex]) => new RegExp(regex ?? "", "u"));
}

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(
      `/${path.relative(dir, file)}`,
      createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return hashes;
}

test("after a rebuild, no file that kept its name but changed is cached for good by _headers or nginx", async () => {
  const rules = {
    _headers: headersRules(await readFile(path.join(PROJECT_ROOT, "deploy/_headers"), "utf8")),
    nginx: nginxRules(await readFile(path.join(PROJECT_ROOT, "deploy/nginx/archive.conf"), "utf8")),
  };
  await withTempDir(async (work) => {
    const seedsDir = path.join(work, "seeds");
    const outDir = path.join(work, "site");
    await writeFixtureSeeds(seedsDir);
    await build({ seedsDir, outDir, quiet: true });
    const before = await fileHashes(outDir);
    await appendFile(path.join(seedsDir, "related-target.txt"), "\nA paragraph added by an editor about harvests.\n");
    await build({ seedsDir, outDir, quiet: true });
    const after = await fileHashes(outDir);
    const changedInPlace = [...after].filter(([file, hash]) => before.has(file) && before.get(file) !== hash);
    const hashedNames = [...after.keys()].filter((file) => /\.pf_(?:fragment|index|filter)$/u.test(file));
    // The edit reached the search index: both lists are not empty, so the checks below check something.
    expect(changedInPlace.map(([file]) => file)).toEqual(
      expect.arrayContaining([expect.stringMatching(/pagefind-entry\.json$/u)]),
    );
    expect(hashedNames.length).toBeGreaterThan(0);
    for (const [name, list] of Object.entries(rules)) {
      expect(list.length, name).toBeGreaterThan(0);
      const cachedForGood = (file: string): boolean => list.some((rule) => rule.test(file));
      expect(changedInPlace.map(([file]) => file).filter(cachedForGood), name).toEqual([]);
      // Under a base path too (`--base /archive/`).
      expect(changedInPlace.map(([file]) => `/archive${file}`).filter(cachedForGood), name).toEqual([]);
      expect(
        hashedNames.filter((file) => !cachedForGood(file)),
        name,
      ).toEqual([]);
    }
  });
});
