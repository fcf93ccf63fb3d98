/** `npm run serve` as a user runs it: saves of every kind are noticed, it listens on the loopback only by default, link loops do not stop it. (Requests it refuses: `serve.build.test.ts`.) */
import type { ChildProcess } from "node:child_process";
import { readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { scrapedPage, serveOneSeed } from "./helpers.ts";

let work: string;
let child: ChildProcess;
let port: number;
let output: () => string = () => "";

/** Local addresses (hex, as /proc/net/tcp writes them) of sockets listening on `port`. */
async function listeningAddresses(): Promise<string[]> {
  const table = `${await readFile("/proc/net/tcp", "utf8")}${await readFile("/proc/net/tcp6", "utf8").catch(() => "")}`;
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  return table
    .split("\n")
    .map((line) => line.trim().split(/\s+/u))
    .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A")
    .map((fields) => fields[1]?.split(":")[0] ?? "");
}

beforeAll(async () => {
  ({
    dir: work,
    port,
    child,
    output,
  } = await serveOneSeed("one.txt", scrapedPage({ headline: "Served", body: ["Served body."] })));
  for (let i = 0; i < 600 && (await listeningAddresses()).length === 0; i++)
    await new Promise((r) => setTimeout(r, 50));
}, 60_000);

afterAll(async () => {
  child.kill();
  await rm(work, { recursive: true, force: true });
});

/** Summary lines printed so far: one per build. */
const builds = (): number =>
  output()
    .split("\n")
    .filter((line) => /^\d+ articles?, \d+ pages in /u.test(line)).length;

/** Waits up to 20 s for `condition`; the error shows what the serve process (`printed`) said meanwhile. */
async function until(condition: () => boolean, what: string, printed: () => string = output): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; output so far:\n${printed()}`);
}

describe("npm run serve", () => {
  test("notices a save that replaces the file, and every in-place save after it", async () => {
    const seed = path.join(work, "seeds", "one.txt");
    const page = (n: number): string => scrapedPage({ headline: "Served", body: [`Served body, version ${n}.`] });
    await until(() => builds() >= 1, "the first build");
    // As `sed -i` and many editors save: a new file renamed over the old one.
    await writeFile(`${seed}.tmp`, page(2));
    await rename(`${seed}.tmp`, seed);
    await until(() => builds() >= 2, "the rebuild after the replacing save");
    // Then in place, as `cp`, `git checkout` and other editors save.
    await writeFile(seed, page(3));
    await until(() => builds() >= 3, "the rebuild after the first in-place save");
    await writeFile(seed, page(4));
    await until(() => builds() >= 4, "the rebuild after the second in-place save");
    const html = await readFile(path.join(work, "site", "national", "served", "index.html"), "utf8");
    expect(html).toContain("Served body, version 4.");
    // Each rebuild says which file started it; the seed's one warning (no date) is printed once, by the first build.
    expect(output().match(/^changed: .*one\.txt; rebuilding$/gmu)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(output().match(/one\.txt:\d+: warning: the article has no date/gu)?.length).toBe(1);
  });

  test("listens on 127.0.0.1 only", async () => {
    expect(await listeningAddresses()).toEqual(["0100007F"]);
  });

  test("a symbolic link loop appearing among the seeds is skipped; serve goes on rebuilding", async () => {
    const seeds = path.join(work, "seeds");
    await symlink(seeds, path.join(seeds, "loop"));
    await symlink(path.join(seeds, "b"), path.join(seeds, "a"));
    await symlink(path.join(seeds, "a"), path.join(seeds, "b"));
    const before = builds();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await writeFile(path.join(seeds, "one.txt"), scrapedPage({ headline: "Served", body: ["After the loop."] }));
    const page = path.join(work, "site", "national", "served", "index.html");
    for (let i = 0; i < 400 && !(await readFile(page, "utf8")).includes("After the loop."); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(builds()).toBeGreaterThan(before);
    expect(child.exitCode).toBeNull();
    expect(await readFile(page, "utf8")).toContain("After the loop.");
    await rm(path.join(seeds, "loop"));
    await rm(path.join(seeds, "a"));
    await rm(path.join(seeds, "b"));
  });
});

describe("npm run serve, saved to while its first build runs", () => {
  test("watches before it builds: a save made during the first build is rebuilt after it", async () => {
    const early = await serveOneSeed("early.txt", scrapedPage({ headline: "Early", body: ["Before the save."] }));
    try {
      await until(() => early.output().includes("for changes"), "the watcher", early.output);
      await writeFile(early.seed, scrapedPage({ headline: "Early", body: ["After the save."] }));
      const summaries = (): number =>
        early
          .output()
          .split("\n")
          .filter((line) => / pages in /u.test(line)).length;
      await until(() => summaries() >= 2, "the rebuild after the save", early.output);
      // Ready to watch before the first build printed its summary.
      expect(early.output().indexOf("for changes")).toBeLessThan(early.output().search(/ pages in /u));
      const html = await readFile(path.join(early.dir, "site", "national", "early", "index.html"), "utf8");
      expect(html).toContain("After the save.");
    } finally {
      early.child.kill();
      await rm(early.dir, { recursive: true, force: true });
    }
  });
});
