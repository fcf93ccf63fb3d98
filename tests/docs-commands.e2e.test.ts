/**
 * Every command in README.md and docs/ runs as written: the lines of `sh`
 * blocks and the `$ ` lines of other blocks, in a copy of the project made
 * of links (so a build's `_site/` lands there). `npm ci` and `npm test` are
 * what CI itself runs; `npm run serve` is started and stopped once it serves.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, rmdir, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "./helpers.ts";

const DOCS = ["README.md", ...(await readdir(path.join(PROJECT_ROOT, "docs"))).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith(".md"),
);

async function commands(): Promise<{ file: string; command: string }[]> {
  const found: { file: string; command: string }[] = [];
  for (const file of DOCS) {
    const text = await readFile(path.join(PROJECT_ROOT, file), "utf8");
    for (const block of text.matchAll(/```(\w*)\n([\s\S]*?)```/gu)) {
      for (const line of (block[2] ?? "").split("\n")) {
        const command = block[1] === "sh" ? line : line.startsWith("$ ") ? line.slice(2) : "";
        const bare = command.replace(/\s+#.*$/u, "").trim();
        if (/^npm\b/u.test(bare)) found.push({ file, command: bare });
      }
    }
  }
  return found;
}

/** Not linked into the copy: what builds and tests write, and the repository. */
const SKIP = new Set(["_site", ".ppp-archive-cache", ".git", "coverage", "test-results"]);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-docs-"));
  for (const entry of await readdir(PROJECT_ROOT)) {
    if (!SKIP.has(entry)) await symlink(path.join(PROJECT_ROOT, entry), path.join(work, entry));
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  // README's example for a host publishes to /tmp/archive, with its cache beside it.
  await rm("/tmp/archive", { recursive: true, force: true });
  await rm("/tmp/.ppp-archive-cache/archive", { recursive: true, force: true });
  await rmdir("/tmp/.ppp-archive-cache").catch(() => undefined);
});

/** Runs `command` in the copy; resolves with its exit code and output, or with 0 once `until` shows in the output (then stops it). */
function run(command: string, until?: RegExp): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env["PATH"] ?? ""}` };
    const child = spawn("bash", ["-c", command], { cwd: work, env, detached: true });
    let output = "";
    let seen = false;
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      if (!seen && until?.test(output) === true) {
        seen = true;
        process.kill(-(child.pid ?? 0), "SIGTERM");
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("close", (code) => resolve({ code: seen ? 0 : code, output }));
  });
}

const found = await commands();
const scripts = Object.keys(
  (JSON.parse(await readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: object }).scripts,
);

describe("commands in README.md and docs/", () => {
  test("there are some, and each names a script of package.json", () => {
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const { file, command } of found) {
      for (const part of command.split("&&")) {
        const script = /^npm (?:run )?([\w:]+)/u.exec(part.trim())?.[1] ?? "";
        expect(script === "ci" || scripts.includes(script), `${file}: ${part}`).toBe(true);
      }
    }
  });

  test.each(found.map(({ file, command }) => [file, command]))("%s: %s", { timeout: 180_000 }, async (_, command) => {
    // CI runs `npm ci` and `npm test` themselves, on a fresh clone.
    const runnable = command
      .split("&&")
      .map((part) => part.trim())
      .filter((part) => part !== "npm ci" && part !== "npm test");
    for (const part of runnable) {
      const result = await run(part, part.startsWith("npm run serve") ? /watching .* for changes/u : undefined);
      expect(result.code, `${part}\n${result.output}`).toBe(0);
    }
  });
});
