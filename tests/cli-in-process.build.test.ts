/**
 * The command-line entry points called in this process, as `npm run build`
 * and `npm run check` call them: exit codes and what they print. (Other
 * tests run them as child processes, exactly as a user does.)
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { lockOutput } from "../src/output/output-lock.ts";
import { buildMain } from "../src/cli.ts";
import { buildAndReport } from "../src/cli/build-report.ts";
import { parseBuildFlags } from "../src/cli/cli-flags.ts";
import { checkMain } from "../src/cli/check.ts";
import { PARSE_FIXTURES, REAL_SEED, scrapedPage, withTempDir } from "./helpers.ts";

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  const keep = (...args: unknown[]): void => void printed.push(args.map(String).join(" "));
  for (const method of ["log", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation(keep);
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function seeds(dir: string, files: Record<string, string>): Promise<string> {
  const folder = path.join(dir, "seeds");
  await mkdir(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

const GOOD = scrapedPage({ headline: "Rice exports rise", body: ["Exports rose in April."] });

describe("npm run build", () => {
  test("--help prints the flags and exits 0; a mistake in the flags is one line that says what to do, exit 2", async () => {
    expect(await buildMain(["--help"])).toBe(0);
    expect(printed.join("\n")).toMatch(/^usage: npm run build/mu);
    const refused = async (argv: string[]): Promise<string[]> => {
      printed = [];
      expect(await buildMain(argv)).toBe(2);
      return printed;
    };
    expect(await refused(["--nope"])).toEqual(["unknown option --nope (`npm run build -- --help` lists the options)"]);
    expect(await refused(["--seed", "x"])).toEqual([
      "unknown option --seed; did you mean --seeds? (`npm run build -- --help` lists the options)",
    ]);
    // `npm run build --seeds x` without `--`: npm takes the flag and passes only `x`.
    expect(await refused(["x"])).toEqual([
      "unexpected argument 'x': npm keeps flags given before `--` for itself; write `npm run build -- --seeds x`",
    ]);
    expect(await refused(["--workers", "999"])).toEqual([
      expect.stringMatching(/^--workers must be a whole number from 0 to \d+ \(this machine's cores\), not "999" \(/u),
    ]);
    printed = [];
    expect(await buildMain(["--version"])).toBe(0);
    expect(printed).toEqual([`ppp-archive ${JSON.parse(await readFile("package.json", "utf8")).version}`]);
  });

  test("serve's rebuilds print only the warnings they find anew", async () => {
    await withTempDir(async (dir) => {
      const folder = await seeds(dir, { "good.txt": GOOD });
      const flags = parseBuildFlags(["--seeds", folder, "--out", path.join(dir, "site")]);
      flags.verbose = true;
      const seen = new Set<string>();
      expect(await buildAndReport(flags, seen)).toBe(0);
      expect(printed.filter((line) => line.includes("warning:"))).toHaveLength(1);
      printed = [];
      await writeFile(path.join(folder, "other.txt"), scrapedPage({ headline: "Other", body: ["Text."] }));
      expect(await buildAndReport(flags, seen)).toBe(0);
      const warnings = printed.filter((line) => line.includes("warning:"));
      expect(warnings).toEqual([expect.stringMatching(/other\.txt:\d+: warning: the article has no date/u)]);
      expect(printed.at(-1)).toMatch(/2 warnings$/u);
    });
  });

  test("a build prints its warnings and one summary line; a seed error exits 1 naming file and line", async () => {
    await withTempDir(async (dir) => {
      const folder = await seeds(dir, { "good.txt": GOOD });
      const out = path.join(dir, "site");
      expect(await buildMain(["--seeds", folder, "--out", out])).toBe(0);
      expect(printed.at(-1)).toMatch(
        /^1 article, 8 pages in [\d.]+ s \(8 rendered, 0 unchanged; published .*site\); 1 seed, 1 warning$/u,
      );
      printed = [];
      expect(await buildMain(["--seeds", folder, "--out", out])).toBe(0);
      expect(printed.at(-1)).toMatch(/nothing changed, nothing written to/u);
      await writeFile(path.join(folder, "bad.md"), "---\ndate: 2019-02-30\n---\n# Bad date\n\nBody.\n");
      printed = [];
      expect(await buildMain(["--seeds", folder, "--out", out, "--quiet"])).toBe(1);
      expect(printed.join("\n")).toMatch(
        /bad\.md:2: error: [\s\S]*build failed: 1 error in seeds; nothing was written/u,
      );
    });
  });

  test("a missing seeds folder exits 2; a folder this tool did not build exits 3; a busy one with --no-wait exits 4", async () => {
    await withTempDir(async (dir) => {
      expect(await buildMain(["--seeds", path.join(dir, "none"), "--out", path.join(dir, "o")])).toBe(2);
      expect(printed.join("\n")).toMatch(/no such folder/u);
      const folder = await seeds(dir, { "good.txt": GOOD });
      const foreign = path.join(dir, "foreign");
      await mkdir(foreign);
      await writeFile(path.join(foreign, "notes.txt"), "mine");
      expect(await buildMain(["--seeds", folder, "--out", foreign])).toBe(3);
      const out = path.join(dir, "site");
      expect(await buildMain(["--seeds", folder, "--out", out, "--quiet"])).toBe(0);
      // The lock held by this process stands for another build.
      const release = await lockOutput(path.join(dir, ".ppp-archive-cache", "site"), out, { wait: false });
      printed = [];
      expect(await buildMain(["--seeds", folder, "--out", out, "--no-wait"])).toBe(4);
      expect(printed.join("\n")).toMatch(new RegExp(`build failed: another build \\(process ${process.pid}\\)`, "u"));
      // Without --no-wait the build says it waits, and runs once the lock is released.
      printed = [];
      const waiting = buildMain(["--seeds", folder, "--out", out]);
      await vi.waitFor(() => expect(printed.join("\n")).toMatch(/waiting for another build/u));
      await release();
      expect(await waiting).toBe(0);
    });
  });
});

describe("npm run check", () => {
  test("prints each problem, the data quality and a summary; exit 1 on errors", async () => {
    await withTempDir(async (dir) => {
      const folder = await seeds(dir, { "good.txt": GOOD, "nav.txt": "Home\nNational\nBusiness\n" });
      expect(await checkMain(["--seeds", folder])).toBe(0);
      const text = printed.join("\n");
      expect(text).toMatch(/data quality: 1 articles read; 0 with a date \(0%\).*1 seeds skipped/u);
      expect(printed.at(-1)).toBe("2 seeds, 1 articles, 0 errors, 2 warnings");
      printed = [];
      expect(await checkMain(["--seeds", folder, "--strict"])).toBe(1);
      expect(printed.at(-1)).toBe("2 seeds, 1 articles, 1 errors, 1 warnings");
    });
  });

  test("--explain shows the role of every line; --help; a missing folder exits 2", async () => {
    expect(await checkMain(["--explain", REAL_SEED])).toBe(0);
    expect(printed.some((line) => /^\s*\d+\s+headline\s/u.test(line))).toBe(true);
    expect(printed.at(-1)).toMatch(
      /: headline "Sokha vows neutrality in Cambodia’s civil service"; 0 author\(s\); date none; section national; caption yes; credit Photo supplied; 13 body paragraphs; 4 related$/u,
    );
    printed = [];
    expect(await checkMain(["--help"])).toBe(0);
    expect(printed[0]).toMatch(/^usage: npm run check/u);
    expect(await checkMain(["--seeds", "/nonexistent/seeds"])).toBe(2);
    expect(await checkMain(["--explain", "/nonexistent/seed.txt"])).toBe(2);
    expect(printed.at(-1)).toBe("/nonexistent/seed.txt does not exist: give the path of one .txt or .md seed");
    await withTempDir(async (dir) => {
      expect(await checkMain(["--explain", dir])).toBe(2);
      expect(printed.at(-1)).toBe(
        `${dir} is a folder: give one seed file (\`npm run check -- --seeds ${dir}\` checks a folder)`,
      );
    });
    printed = [];
    expect(await checkMain(["--version"])).toBe(0);
    expect(printed).toEqual([expect.stringMatching(/^ppp-archive \d+\.\d+\.\d+$/u)]);
  });

  test.each([
    ["subhead-between-paragraphs", "subhead", "Who will pay"],
    ["kicker-issue-line-and-period", "kicker", "FROM THE ARCHIVES"],
    ["kicker-issue-line-and-period", "print issue", "Vol. 6, No. 5"],
    ["letter-signature-above-reply", "signature", "Chan Dara,"],
    ["letter-signature-above-reply", "salutation", "Dear Editor,"],
    ["placeholder-filler-paragraph", "filler dropped", "Valde tego lenis abigo."],
    ["photo-between-paragraphs", "credit", "Photo by: Vann Sokha"],
    ["standfirst-signed-by-writer", "standfirst", "Forty years ago,"],
  ])("--explain on %s shows the role %s", async (fixture, role, text) => {
    expect(await checkMain(["--explain", path.join(PARSE_FIXTURES, fixture, "seed.txt")])).toBe(0);
    const line = printed.find((printedLine) => printedLine.includes(text.slice(0, 20)));
    expect(line).toMatch(new RegExp(`^\\s*\\d+\\s+${role}\\s{2,}`, "u"));
  });
});
