/** `npm run bench` leaves the tracked results alone unless asked, and no folder behind. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { PROJECT_ROOT } from "./helpers.ts";

const run = promisify(execFile);

test("a small run prints its table, keeps bench/results.json and removes its temporary folder", async () => {
  const results = path.join(PROJECT_ROOT, "bench", "results.json");
  const before = await readFile(results, "utf8");
  const parent = await mkdtemp(path.join(tmpdir(), "ppp-bench-test-"));
  try {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", path.join(PROJECT_ROOT, "bench/run.ts"), "--sizes", "20", "--dir", parent, "--no-hugo"],
      { cwd: PROJECT_ROOT },
    );
    expect(stdout).toMatch(/^\| 20 \| disk \| [\d.]+ s \| \d+ MB \| n\/a \| n\/a \| n\/a \| n\/a \|/mu);
    expect(stdout).toMatch(/not saved: --save writes bench\/results.json/u);
    expect(await readFile(results, "utf8")).toBe(before);
    expect(await readdir(parent)).toEqual([]);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}, 120_000);
