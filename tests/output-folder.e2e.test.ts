/**
 * The output folder and its neighbours: one build at a time per output
 * folder, nothing deleted or restored that this tool did not make, refused
 * outputs with their own exit code, and a cache folder of the tool's own.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, onTestFinished, test } from "vitest";
import { CACHE_FOLDER, cacheDirFor } from "../src/incremental/build-state.ts";
import { lockOutput } from "../src/output/output-lock.ts";
import {
  PROJECT_ROOT,
  type ScriptOutcome,
  hashTree,
  listTree,
  readArchiveData,
  runScript,
  scrapedPage,
  writeFixtureSeeds,
} from "./helpers.ts";

type Outcome = ScriptOutcome;
const buildCli = (args: readonly string[]): Promise<Outcome> => runScript("cli.ts", ["--quiet", ...args]);

function spawnBuild(args: readonly string[]): { child: ChildProcess; done: Promise<Outcome>; stderr: () => string } {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "src/cli.ts"), "--quiet", ...args], {
    cwd: PROJECT_ROOT,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Outcome>((resolve) =>
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return { child, done, stderr: () => stderr };
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function writeSeeds(dir: string, headlines: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [i, headline] of headlines.entries()) {
    await writeFile(
      path.join(dir, `seed-${i}.txt`),
      scrapedPage({
        headline,
        header: [`Publication date ${i + 1} May 2019 | 10:00 | ICT`],
        body: [`The body of “${headline}”.`],
      }),
    );
  }
}

/** tests/lock-race-child.ts with these arguments. */
function lockChild(args: readonly string[]): { child: ChildProcess; done: Promise<unknown>; stdout: () => string } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "tests/lock-race-child.ts"), ...args],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // A holder sleeps for minutes: it never outlives the test, whatever happens.
  onTestFinished(() => {
    child.kill("SIGKILL");
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return { child, done: new Promise((resolve) => child.on("exit", resolve)), stdout: () => stdout };
}

let work: string;
let seeds: string;
let out: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-out-"));
  seeds = path.join(work, "seeds");
  out = path.join(work, "site");
  await writeSeeds(seeds, ["Ferries resume to Koh Rong", "Rice exports rise"]);
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("one build at a time", () => {
  test("--no-wait fails at once with exit 4 while another build holds the folder; the site stays as it was", async () => {
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    const site = await hashTree(out);
    // This test process stands for the running build.
    const release = await lockOutput(cacheDirFor(out), out, { wait: false });
    try {
      await writeFile(path.join(seeds, "seed-9.txt"), scrapedPage({ headline: "New", body: ["New body."] }));
      const busy = await buildCli(["--seeds", seeds, "--out", out, "--no-wait"]);
      expect(busy.code).toBe(4);
      expect(busy.stderr).toContain(`another build (process ${process.pid}) is writing ${out}`);
      expect(await hashTree(out)).toBe(site);
    } finally {
      await release();
    }
  });

  test("without --no-wait a second build waits with a message and runs when the first is done", async () => {
    const release = await lockOutput(cacheDirFor(out), out, { wait: false });
    const waiting = spawnBuild(["--seeds", seeds, "--out", out]);
    await until(() => waiting.stderr().includes("waiting for another build"), "the waiting message");
    expect(waiting.stderr()).toContain(`(process ${process.pid}) to finish writing ${out}`);
    expect(await readdir(work)).not.toContain("site");
    await release();
    const outcome = await waiting.done;
    expect(outcome.code).toBe(0);
    expect(await readdir(cacheDirFor(out))).not.toContain("build-owner");
  });

  test("a lock held by a build that was killed is free at once; an old lock file naming a live process is ignored", async () => {
    const holder = lockChild(["hold", cacheDirFor(out), out]);
    await until(() => holder.stdout().includes("locked"), "the holder to lock");
    expect((await buildCli(["--seeds", seeds, "--out", out, "--no-wait"])).code).toBe(4);
    holder.child.kill("SIGKILL");
    await holder.done;
    // PID 1 runs, but it is no build: earlier versions waited on it for ever.
    await writeFile(path.join(cacheDirFor(out), "build.lock"), "1\n");
    expect((await buildCli(["--seeds", seeds, "--out", out, "--no-wait"])).code).toBe(0);
    expect(await readdir(cacheDirFor(out))).not.toContain("build.lock");
  });

  test("after a holder is killed, four processes taking the lock in turn never hold it at once", async () => {
    const go = path.join(cacheDirFor(out), "go");
    for (let round = 0; round < 6; round++) {
      const holder = lockChild(["hold", cacheDirFor(out), out]);
      await until(() => holder.stdout().includes("locked"), "the holder to lock");
      const racers = Array.from({ length: 4 }, () => lockChild(["race", cacheDirFor(out), out, "5"]));
      await until(() => racers.every((racer) => racer.stdout().includes("ready")), "the racers");
      holder.child.kill("SIGKILL");
      await holder.done;
      await writeFile(go, "");
      const outputs = await Promise.all(racers.map(async (racer) => (await racer.done, racer.stdout())));
      await rm(go);
      expect(outputs).toEqual(Array(4).fill("ready\ndone\n"));
    }
  });

  test("two builds into one folder at once leave one whole site, never a mix", async () => {
    const other = path.join(work, "other-seeds");
    await writeSeeds(other, ["Solar farm opens", "Teachers get a rise", "Bridge repairs begin"]);
    const [a, b] = await Promise.all([
      buildCli(["--seeds", seeds, "--out", out]),
      buildCli(["--seeds", other, "--out", out]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const records = (await readArchiveData(out)) as { headline: string; url: string }[];
    const headlines = records.map((record) => record.headline).sort();
    const winner = headlines.length === 2 ? seeds : other;
    expect([
      ["Ferries resume to Koh Rong", "Rice exports rise"],
      ["Bridge repairs begin", "Solar farm opens", "Teachers get a rise"],
    ]).toContainEqual(headlines);
    const pages = (await readdir(path.join(out, "national"))).filter(
      (name) => name !== "index.html" && name !== "feed.xml" && name !== "page",
    );
    expect(pages.sort()).toEqual(records.map((record) => record.url.split("/")[2]).sort());
    // The site is exactly what a build of the winning seeds makes: the next build of them has nothing to do.
    const again = await buildCli(["--seeds", winner, "--out", out]);
    expect(again.code).toBe(0);
    expect(await hashTree(out)).toBe(await hashTreeOfCleanBuild(winner));
  });
});

async function hashTreeOfCleanBuild(seedsDir: string): Promise<string> {
  const fresh = path.join(work, "clean");
  expect((await buildCli(["--seeds", seedsDir, "--out", fresh])).code).toBe(0);
  return hashTree(fresh);
}

describe("refused output folders: exit 3, nothing touched", () => {
  test("--out naming a regular file", async () => {
    const file = path.join(work, "notes.txt");
    await writeFile(file, "my notes");
    const outcome = await buildCli(["--seeds", seeds, "--out", file]);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/it is a file, not a folder/);
    expect(await readFile(file, "utf8")).toBe("my notes");
  });

  test("a seeds folder inside the output folder, and an output folder inside the seeds folder", async () => {
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    const inner = path.join(out, "my-seeds");
    await writeSeeds(inner, ["Seeds kept in the site"]);
    const before = await listTree(work);
    const holds = await buildCli(["--seeds", inner, "--out", out]);
    expect(holds.code).toBe(3);
    expect(holds.stderr).toMatch(/it holds the seeds folder/);
    const inside = await buildCli(["--seeds", seeds, "--out", path.join(seeds, "site")]);
    expect(inside.code).toBe(3);
    expect(inside.stderr).toMatch(/it lies inside the seeds folder/);
    const same = await buildCli(["--seeds", seeds, "--out", seeds]);
    expect(same.code).toBe(3);
    expect(await listTree(work)).toEqual(before);
  });

  test("a folder this tool did not build", async () => {
    await mkdir(out);
    await writeFile(path.join(out, "index.html"), "someone else's site");
    const outcome = await buildCli(["--seeds", seeds, "--out", out]);
    expect(outcome.code).toBe(3);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe("someone else's site");
  });

  test("a folder that merely holds data/articles.json, as a Hugo project does", async () => {
    await mkdir(path.join(out, "data"), { recursive: true });
    await mkdir(path.join(out, "src"));
    await writeFile(path.join(out, "data", "articles.json"), "[]\n");
    await writeFile(path.join(out, "src", "main.go"), "package main\n");
    await writeFile(path.join(out, "notes.md"), "my notes\n");
    const before = await listTree(work);
    const outcome = await buildCli(["--seeds", seeds, "--out", out]);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/is not a site this tool built/u);
    expect(await listTree(work)).toEqual(before);
    expect(await readFile(path.join(out, "notes.md"), "utf8")).toBe("my notes\n");
  });

  test("a symbolic link this tool did not make", async () => {
    const elsewhere = path.join(work, "elsewhere");
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, "keep.txt"), "keep");
    await symlink(elsewhere, out);
    const outcome = await buildCli(["--seeds", seeds, "--out", out]);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/symbolic link to .*elsewhere, which this tool did not make/u);
    expect(await readdir(elsewhere)).toEqual(["keep.txt"]);
  });

  test.skipIf(process.getuid?.() !== 0)("a folder on a read-only file system (needs root to mount one)", async () => {
    const disk = path.join(work, "read-only");
    await mkdir(disk);
    execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", disk]);
    try {
      const outcome = await buildCli(["--seeds", seeds, "--out", path.join(disk, "site")]);
      expect(outcome.code).toBe(3);
      expect(outcome.stderr.trim()).toBe(
        `build failed: cannot build into ${path.join(disk, "site")}: ${disk} is on a read-only file system, and the build writes there; choose an --out folder on a writable disk`,
      );
    } finally {
      execFileSync("umount", [disk]);
    }
  });

  const isRoot = process.getuid?.() === 0;
  test.skipIf(!isRoot)("a mount point (needs root to mount a tmpfs)", async () => {
    await mkdir(out);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", out]);
    try {
      const outcome = await buildCli(["--seeds", seeds, "--out", out]);
      expect(outcome.code).toBe(3);
      expect(outcome.stderr).toMatch(/it is a mount point.*--out .*site/);
      expect(await readdir(out)).toEqual([]);
      // A folder inside the mount works.
      expect((await buildCli(["--seeds", seeds, "--out", path.join(out, "site")])).code).toBe(0);
    } finally {
      execFileSync("umount", [out]);
    }
  });
});

describe("neighbours of the output folder", () => {
  test("folders named like staging or replaced sites are never deleted or restored", async () => {
    const backup = path.join(work, "site.previous-backup");
    const notes = path.join(work, "site.building-notes");
    const lookalike = path.join(work, "site.previous-4242");
    for (const dir of [backup, notes, lookalike]) {
      await mkdir(path.join(dir, "data"), { recursive: true });
      await writeFile(path.join(dir, "data", "articles.json"), "{}\n");
      await writeFile(path.join(dir, "mine.txt"), "keep me");
    }
    // No site yet: a build that cleaned up by name would restore one of these as the site.
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    for (const dir of [backup, notes, lookalike])
      expect(await readFile(path.join(dir, "mine.txt"), "utf8")).toBe("keep me");
    expect(await readFile(path.join(out, "data", "index.json"), "utf8")).not.toBe("{}\n");
  });

  test("the cache lives in a folder named for this tool, never in .cache beside the output", async () => {
    const desktopCache = path.join(work, ".cache", "site");
    await mkdir(desktopCache, { recursive: true });
    await writeFile(path.join(desktopCache, "thumbnail.png"), "another program's file");
    await writeFile(path.join(desktopCache, "build-state.json"), "another program's state");
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    expect(await readdir(desktopCache)).toEqual(["build-state.json", "thumbnail.png"]);
    expect(await readFile(path.join(desktopCache, "build-state.json"), "utf8")).toBe("another program's state");
    expect(await readdir(path.join(work, CACHE_FOLDER, "site"))).toContain("build-state.sqlite");
  });
});

describe("publishing", () => {
  test("two clean builds of the same seeds are byte for byte the same, and hold no build marker", async () => {
    const other = path.join(work, "other");
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    expect((await buildCli(["--seeds", seeds, "--out", other])).code).toBe(0);
    expect(await hashTree(other)).toBe(await hashTree(out));
    expect((await listTree(out)).filter((file) => file.includes("ppp-archive"))).toEqual([]);
  });

  test("while builds publish, the output path always shows a whole site", async () => {
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    // Reads the site in a tight loop until told to stop, then prints how many reads failed.
    const reader = spawn(
      process.execPath,
      [
        "-e",
        `const fs = require("node:fs"); let failed = 0, reads = 0;
         process.stdin.on("data", () => { console.log(failed + " " + reads); process.exit(0); });
         (function loop() { for (let i = 0; i < 2000; i++) { reads++; try { fs.readFileSync(process.argv[1] + "/index.html"); fs.readFileSync(process.argv[1] + "/data/index.json"); } catch { failed++; } } setImmediate(loop); })();`,
        out,
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    // Stopped whatever happens: a reader left spinning skews everything after it.
    onTestFinished(() => {
      reader.kill();
    });
    let printed = "";
    reader.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    for (let i = 0; i < 6; i++) {
      await writeFile(
        path.join(seeds, "seed-1.txt"),
        scrapedPage({ headline: `Rice exports rise ${i}`, body: ["More."] }),
      );
      expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    }
    reader.stdin?.write("stop\n");
    await new Promise((resolve) => reader.on("exit", resolve));
    const [failed, reads] = printed.trim().split(" ").map(Number);
    expect(reads).toBeGreaterThan(1000);
    expect(failed).toBe(0);
  });

  test("a build killed between making the new link and putting it in place leaves the old site, and the next cleans up", async () => {
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    const site = await hashTree(out);
    const cache = cacheDirFor(out);
    // What the killed build left: its site folder, half written, and its link not yet renamed over the output.
    await mkdir(path.join(cache, "sites", "99999-killed"), { recursive: true });
    await writeFile(path.join(cache, "sites", "99999-killed", "index.html"), "half a site");
    await symlink(path.join("sites", "99999-killed"), path.join(cache, "next-link"));
    expect(await hashTree(out)).toBe(site);
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    expect(await readdir(cache)).not.toContain("next-link");
    expect(await readdir(path.join(cache, "sites"))).not.toContain("99999-killed");
    expect(await hashTree(out)).toBe(site);
  });

  test("a site folder of an earlier version becomes a link; a build killed while moving it is undone", async () => {
    // An earlier version's site: a folder with its marker.
    await mkdir(path.join(out, "data"), { recursive: true });
    await writeFile(path.join(out, ".ppp-archive-build.json"), '{"tool":"ppp-archive","buildId":"1-a"}\n');
    await writeFile(path.join(out, "data", "articles.json"), "[]\n");
    // Killed after moving it aside: the journal says where it went.
    const cache = cacheDirFor(out);
    const aside = path.join(cache, "sites", "replaced-1");
    await mkdir(path.dirname(aside), { recursive: true });
    await writeFile(path.join(cache, "publish-journal.json"), JSON.stringify({ restore: aside }));
    await rename(out, aside);
    // A busy output is refused before anything is touched, so recovery waits for the lock: check it restores first.
    const release = await lockOutput(cache, out, { wait: false });
    expect((await buildCli(["--seeds", seeds, "--out", out, "--no-wait"])).code).toBe(4);
    await release();
    expect((await buildCli(["--seeds", seeds, "--out", out])).code).toBe(0);
    expect((await lstat(out)).isSymbolicLink()).toBe(true);
    expect(await readdir(path.join(cache, "sites"))).toHaveLength(1);
    expect(await hashTree(out)).toBe(await hashTreeOfCleanBuild(seeds));
  });
});

test.skipIf(process.getuid?.() !== 0)(
  "a full disk fails the build with one line and exit 5, and leaves the disk as it was (needs root for a tmpfs)",
  async () => {
    const disk = path.join(work, "disk");
    await mkdir(disk);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", disk]);
    try {
      const fixtures = path.join(work, "fixture-seeds");
      await writeFixtureSeeds(fixtures);
      const site = path.join(disk, "site");
      const outcome = await buildCli(["--seeds", fixtures, "--out", site]);
      expect(outcome.code).toBe(5);
      const lines = outcome.stderr.trim().split("\n");
      // The whole output in the failure message: a second line seen once in CI could not be reproduced.
      expect(lines, outcome.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^build failed: .*(?:ENOSPC|no space left)/iu);
      // Nothing left but the (small) cache files; the lock is free.
      expect(await readdir(path.join(cacheDirFor(site), "sites")).catch(() => [])).toEqual([]);
      await (
        await lockOutput(cacheDirFor(site), site, { wait: false })
      )();
      // What is left is the cache's: the lock and the parsed records, which do not depend on the build's success.
      const left = (await readdir(disk, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(disk, path.join(entry.parentPath, entry.name)));
      expect(left.sort()).toEqual([
        path.join(".ppp-archive-cache", "site", "build-lock.sqlite"),
        path.join(".ppp-archive-cache", "site", "records.sqlite"),
      ]);
    } finally {
      execFileSync("umount", [disk]);
    }
  },
);
