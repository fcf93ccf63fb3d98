/** `npm run bench` leaves the tracked results alone unless asked, and no folder behind. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { PROJECT_ROOT, withTempDir, writeFixtureSeeds } from "./helpers.ts";

const run = promisify(execFile);

test("a small run says the room it needs, prints its table, keeps bench/results.json and its seeds, and removes its sites", async () => {
  const results = path.join(PROJECT_ROOT, "bench", "results.json");
  const before = await readFile(results, "utf8");
  const parent = await mkdtemp(path.join(tmpdir(), "ppp-bench-test-"));
  const bench = () =>
    run(
      process.execPath,
      ["--import", "tsx", path.join(PROJECT_ROOT, "bench/run.ts"), "--sizes", "20", "--dir", parent, "--no-hugo"],
      { cwd: PROJECT_ROOT },
    );
  try {
    const { stdout } = await bench();
    expect(stdout).toMatch(/^ {2}needs about [\d.]+ GB in .*; [\d.]+ GB free$/mu);
    expect(stdout).toMatch(
      /^\| 20 \| disk \| [\d.]+ s \| \d+ MB \| n\/a \| n\/a \| n\/a \| n\/a \| [\d.]+ s \([\d.]+×\) \| [\d.]+ s \([\d.]+×\) \| [\d.]+ s \([\d.]+×\) \|.* \| [\d,]+ MB \| [\d.]+ s, \d+ requests, \d+ KB \|$/mu,
    );
    expect(stdout).toMatch(/not saved: --save writes bench\/results.json/u);
    expect(await readFile(results, "utf8")).toBe(before);
    // The seeds stay for the next run, which uses them as they are, but for the seeds a run edits.
    expect(await readdir(parent)).toEqual(["ppp-bench-seeds-20-42"]);
    const seeds = path.join(parent, "ppp-bench-seeds-20-42", "seeds");
    const edited = await Promise.all(
      ["000000.txt", "000001.txt"].map((file) => readFile(path.join(seeds, file), "utf8")),
    );
    expect(edited[0]).toContain("\n\nA paragraph a reader asked the archive to add.\n\n");
    expect(edited[1]).toMatch(/^\S.*, retitled$/mu);
    const other = await stat(path.join(seeds, "000007.txt"));
    await bench();
    expect((await stat(path.join(seeds, "000007.txt"))).mtimeMs).toBe(other.mtimeMs);
    for (const [i, file] of ["000000.txt", "000001.txt"].entries())
      expect(await readFile(path.join(seeds, file), "utf8")).toBe(edited[i]);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}, 120_000);

test("cpu-by-thread counts a busy child's thread, and phases prints each phase of a build", async () => {
  // Half a second of CPU in the child's main thread.
  const busy = "const end = Date.now() + 500; while (Date.now() < end);";
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "bench/cpu-by-thread.ts"), process.execPath, "-e", busy],
    { cwd: PROJECT_ROOT },
  );
  const main = /^ {2}main +([\d.]+) s$/mu.exec(stdout);
  expect(Number(main?.[1])).toBeGreaterThanOrEqual(0.3);
  expect(stdout).toMatch(/^all: [\d.]+ s of CPU in [\d.]+ s$/mu);

  await withTempDir(async (dir) => {
    const seeds = path.join(dir, "seeds");
    await writeFixtureSeeds(seeds);
    const phases = await run(
      process.execPath,
      ["--import", "tsx", path.join(PROJECT_ROOT, "bench/phases.ts"), seeds, path.join(dir, "site")],
      { cwd: PROJECT_ROOT },
    );
    const lines = phases.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^[\d.]+ s, (\d+) of \1 pages rendered$/u);
    expect(lines.slice(1).map((line) => line.replace(/ +\d+ ms +\d+ MB$/u, "").trim())).toEqual(
      expect.arrayContaining(["read and parse seeds", "pages, search index, data", "publish", "save build state"]),
    );
  });
}, 120_000);

test("a bad flag to the bench is one line and the usage, exit code 2, never a stack trace", async () => {
  const outcome = await run(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "bench/run.ts"), "--nope"], {
    cwd: PROJECT_ROOT,
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(outcome.code).toBe(2);
  expect(outcome.stderr.split("\n").slice(0, 2)).toEqual([
    "Unknown option '--nope'",
    expect.stringMatching(/^usage: npm run bench -- /u),
  ]);
  expect(outcome.stderr).not.toMatch(/\n\s+at /u);
});
