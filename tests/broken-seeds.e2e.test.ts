/**
 * Broken seeds stop the build before anything is written: every problem of
 * every file is reported as path:line, the exit code is non-zero, and the
 * previous site stays byte-for-byte as it was, also when a build is killed.
 * Scraped pages that cannot be read as articles are skipped with a warning
 * instead, unless `--strict`.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { validate } from "../src/validate.ts";
import { CACHE_FOLDER, cacheDirFor } from "../src/incremental/build-state.ts";
import { loadSiteConfig } from "../src/model/site-config.ts";
import { lockOutput } from "../src/output/output-lock.ts";
import { PROJECT_ROOT, REAL_SEED, hashTree, listTree, scrapedPage } from "./helpers.ts";

const run = promisify(execFile);
const GOOD = scrapedPage({ headline: "A good article", header: ["By Someone"], body: ["A body paragraph."] });

/** Scraped pages that are no article, and the `line: message` start their skip is reported with. */
const UNREADABLE: Record<string, { text: string | Buffer; expected: string }> = {
  "empty.txt": { text: "", expected: "1: %s: the seed file is empty" },
  "latin1.txt": {
    text: Buffer.from("Logo of Phnom Penh Post newspaper Phnom Penh Post - Caf\xe9\n\nCaf\xe9\n\nBody.\n", "latin1"),
    expected: "1: %s: the seed file is not valid UTF-8",
  },
  "no-body.txt": {
    text: "Logo of Phnom Penh Post newspaper Phnom Penh Post - Only a headline\n\nOnly a headline\n",
    expected: "3: %s: the article has a headline but no body paragraphs",
  },
  "no-headline.txt": {
    text: "The talks ended without an agreement, two people who attended said.\n\nBoth sides will meet again.\n",
    expected: "1: %s: no headline found",
  },
};

/** Each broken seed, and the `line: error: message` start it must be reported with. */
const BROKEN: Record<string, { text: string | Buffer; expected: string }> = {
  "empty.md": { text: "", expected: "1: error: the seed file is empty" },
  "bad-yaml.txt": {
    text: `---\ndate: 2019-04-24\ntags: [a, b\n---\n${GOOD}`,
    expected: "3: error: front matter is not valid YAML",
  },
  "impossible-date.txt": {
    text: `---\ndate: 2019-13-45\n---\n${GOOD}`,
    expected: "2: error: front matter `date` `2019-13-45` is not an ISO 8601 date that exists",
  },
  "impossible-date-line.txt": {
    text: scrapedPage({
      headline: "Dated",
      header: ["Publication date 31 February 2019 | 10:19 | ICT"],
      body: ["Body."],
    }),
    expected: "5: error: `Publication date 31 February 2019 | 10:19 | ICT` is not a date that exists",
  },
  "unknown-key.txt": { text: `---\ntitel: Typo\n---\n${GOOD}`, expected: "2: error: unknown front-matter key `titel`" },
  "traversal-slug.txt": {
    text: `---\nslug: ../../x\n---\n${GOOD}`,
    expected: "2: error: front matter `slug` must be a plain slug",
  },
  "absolute-section.txt": {
    text: `---\nsection: /abs\n---\n${GOOD}`,
    expected: "2: error: front matter `section` `/abs` is not a configured section",
  },
  "empty-section.txt": {
    text: `---\nsection: ""\n---\n${GOOD}`,
    expected: "2: error: front matter `section` must not be empty",
  },
  "reserved-section.txt": {
    text: `---\nsection: search\n---\n${GOOD}`,
    expected: "2: error: front matter `section` `search` is not a configured section",
  },
  "no-heading.md": {
    text: "An authored article without a heading or `headline:`.\n",
    expected: "1: error: no headline found",
  },
  "same-slug-a.txt": { text: `---\nslug: same\n---\n${GOOD}`, expected: "" },
  "same-slug-b.txt": {
    text: `---\nslug: same\n---\n${GOOD}`,
    expected: "1: error: slug `same` is also claimed by same-slug-a.txt",
  },
};

let work: string;
let seedsDir: string;
let outDir: string;

/** `node`, not `npm run`, so a signal reaches the build process itself. */
function cli(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [path.join(PROJECT_ROOT, "src", script), ...args], {
    cwd: PROJECT_ROOT,
    stdio: "pipe",
  });
}

async function runCli(
  script: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await run(process.execPath, [path.join(PROJECT_ROOT, "src", script), ...args], {
    cwd: PROJECT_ROOT,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

/** Adds 400 seeds, enough for a build to be caught halfway; they are removed when the test ends (or by the returned function). */
async function addBulkSeeds(): Promise<() => Promise<void>> {
  for (let i = 0; i < 400; i++) {
    await writeFile(
      path.join(seedsDir, `bulk-${i}.txt`),
      scrapedPage({ headline: `Bulk article ${i}`, body: [`Body of bulk article ${i}.`] }),
    );
  }
  const remove = async (): Promise<void> => {
    for (let i = 0; i < 400; i++) await rm(path.join(seedsDir, `bulk-${i}.txt`), { force: true });
  };
  onTestFinished(remove);
  return remove;
}

/** The site folders in the output's cache folder: the published one, the spare, and any build's. */
const sitesDir = (): string => path.join(cacheDirFor(outDir), "sites");

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-broken-"));
  seedsDir = path.join(work, "seeds");
  outDir = path.join(work, "site");
  await mkdir(seedsDir);
  await copyFile(REAL_SEED, path.join(seedsDir, "real.txt"));
  expect((await runCli("cli.ts", ["--seeds", seedsDir, "--out", outDir, "--quiet"])).code).toBe(0);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("broken seeds", () => {
  test.each(Object.keys(BROKEN).filter((name) => BROKEN[name]?.expected !== ""))(
    "%s alone is reported with its line",
    async (name) => {
      await withSeeds(
        {
          [name]: BROKEN[name]?.text ?? "",
          ...(name === "same-slug-b.txt" ? { "same-slug-a.txt": BROKEN["same-slug-a.txt"]?.text ?? "" } : {}),
        },
        async (dir) => {
          const { problems } = await validate(dir, loadSiteConfig());
          const errors = problems
            .filter((p) => p.severity === "error")
            .map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`);
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatch(new RegExp(`^${escape(`${name}:${BROKEN[name]?.expected ?? ""}`)}`));
        },
      );
    },
  );

  test("together: exit 1, every file named with its line, the previous site unchanged, nothing written elsewhere", async () => {
    for (const [name, { text }] of Object.entries(BROKEN)) await writeFile(path.join(seedsDir, name), text);
    onTestFinished(async () => {
      for (const name of Object.keys(BROKEN)) await rm(path.join(seedsDir, name));
    });
    const site = await hashTree(outDir);
    const around = await listTree(work);
    const { code, stderr } = await runCli("cli.ts", ["--seeds", seedsDir, "--out", outDir]);
    expect(code).toBe(1);
    for (const [name, { expected }] of Object.entries(BROKEN)) {
      if (expected !== "") expect(stderr).toContain(`${seedsDir}/${name}:${expected}`);
    }
    expect(stderr).toMatch(/build failed: 11 errors in seeds; nothing was written/);
    expect(await hashTree(outDir)).toBe(site);
    expect(await listTree(work)).toEqual(around);

    const check = await runCli("cli/check.ts", ["--seeds", seedsDir]);
    expect(check.code).toBe(1);
    // Three seeds parse (the real one and both same-slug ones); the slugs clash only in the archive.
    expect(check.stdout.trim().split("\n").at(-1)).toMatch(/^13 seeds, 3 articles, 11 errors, \d+ warnings$/);
  });

  test.each(Object.keys(UNREADABLE))("%s alone is skipped with a warning, or an error with --strict", async (name) => {
    await withSeeds({ [name]: UNREADABLE[name]?.text ?? "" }, async (dir) => {
      const expected = (severity: string): RegExp =>
        new RegExp(`^${escape(`${name}:${UNREADABLE[name]?.expected.replace("%s", severity) ?? ""}`)}`);
      const lenient = await validate(dir, loadSiteConfig());
      const lines = lenient.problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected("warning"));
      expect(lenient.problems[0]?.skipped).toBe(true);
      expect(lenient.ingest.articles).toEqual([]);

      const strict = await validate(dir, loadSiteConfig(), { strict: true });
      const errors = strict.problems
        .filter((p) => p.severity === "error")
        .map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(expected("error"));
    });
  });

  test("a subfolder that cannot be read is skipped with a warning, as an unreadable file is", async () => {
    await withSeeds({ "good.txt": GOOD }, async (dir) => {
      await mkdir(path.join(dir, "locked"));
      await writeFile(path.join(dir, "locked", "inside.txt"), GOOD);
      await chmod(path.join(dir, "locked"), 0o000);
      onTestFinished(() => chmod(path.join(dir, "locked"), 0o755).catch(() => undefined));
      const out = path.join(dir, "..", `${path.basename(dir)}-site`);
      onTestFinished(async () => {
        await rm(out, { recursive: true, force: true });
        await rm(cacheDirFor(out), { recursive: true, force: true });
      });
      // Root reads any folder: the build runs without the capabilities that let it.
      const asUser = process.getuid?.() === 0 ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : [];
      const [command = "", ...args] = [...asUser, process.execPath, path.join(PROJECT_ROOT, "src/cli.ts")];
      const built = await run(command, [...args, "--seeds", dir, "--out", out], { cwd: PROJECT_ROOT }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(built.code).toBe(0);
      expect(built.stderr).toContain(
        `${dir}/locked:1: warning: the folder cannot be read (EACCES); the seeds in it are left out`,
      );
      expect(built.stdout).toMatch(/^1 article, /mu);
    });
  });

  test("a named pipe, a folder or a giant given as an image is a located warning; check and build finish", async () => {
    const page = (image: string): string =>
      scrapedPage({ frontMatter: `image: ${image}`, headline: `Photo from ${image}`, body: ["A body paragraph."] });
    const seeds = {
      "pipe.txt": page("images/pipe.jpg"),
      "folder.txt": page("images/folder.jpg"),
      "giant.txt": page("images/giant.png"),
    };
    await withSeeds(seeds, async (dir) => {
      await mkdir(path.join(dir, "images", "folder.jpg"), { recursive: true });
      execFileSync("mkfifo", [path.join(dir, "images", "pipe.jpg")]);
      await writeFile(path.join(dir, "images", "giant.png"), pngHeader(30000, 30000));
      const out = path.join(dir, "..", `${path.basename(dir)}-site`);
      onTestFinished(async () => {
        await rm(out, { recursive: true, force: true });
        await rm(cacheDirFor(out), { recursive: true, force: true });
      });
      for (const outcome of [
        await runCli("cli/check.ts", ["--seeds", dir]),
        await runCli("cli.ts", ["--seeds", dir, "--out", out]),
      ]) {
        expect(outcome.code).toBe(0);
        for (const [file, image] of [
          ["pipe.txt", "images/pipe.jpg"],
          ["folder.txt", "images/folder.jpg"],
        ])
          expect(outcome.stderr).toContain(`${dir}/${file}:2: warning: image \`${image}\` is not a regular file`);
        expect(outcome.stderr).toContain(
          `${dir}/giant.txt:2: warning: image \`images/giant.png\` is 30000×30000 pixels, over the 268 million pixels an image may have`,
        );
        expect(outcome.stderr).not.toMatch(/cannot be decoded/u);
      }
    });
  }, 30_000);

  test("skipped pages: the rest builds, the summary counts them; --strict stops the build", async () => {
    await withSeeds(
      {
        "real.txt": await readFile(REAL_SEED),
        ...Object.fromEntries(Object.entries(UNREADABLE).map(([name, { text }]) => [name, text])),
      },
      async (dir) => {
        const out = path.join(dir, "..", `${path.basename(dir)}-site`);
        onTestFinished(async () => {
          await rm(out, { recursive: true, force: true });
          await rm(cacheDirFor(out), { recursive: true, force: true });
        });
        const built = await runCli("cli.ts", ["--seeds", dir, "--out", out]);
        expect(built.code).toBe(0);
        expect(built.stdout).toMatch(/^1 article, .*; 5 seeds, \d+ warnings; 4 seeds skipped$/m);
        for (const [name, { expected }] of Object.entries(UNREADABLE))
          expect(built.stderr).toContain(`${dir}/${name}:${expected.replace("%s", "warning")}`);

        const check = await runCli("cli/check.ts", ["--seeds", dir]);
        expect(check.code).toBe(0);
        expect(check.stdout).toMatch(
          /; 4 seeds skipped \(1 the seed file is empty, 1 the seed file is not valid UTF-8, 1 the article has a headline but no body paragraphs, 1 no headline found\)$/m,
        );

        const site = await hashTree(out);
        const strict = await runCli("cli.ts", ["--seeds", dir, "--out", out, "--strict"]);
        expect(strict.code).toBe(1);
        expect(strict.stderr).toMatch(/build failed: 4 errors in seeds; nothing was written/);
        expect(await hashTree(out)).toBe(site);
      },
    );
  });

  test("a build killed midway leaves the previous site intact, and the next build cleans up, one with nothing to do too", async () => {
    const site = await hashTree(outDir);
    const sitesBefore = await readdir(sitesDir());
    const removeBulk = await addBulkSeeds();
    const child = cli("cli.ts", ["--seeds", seedsDir, "--out", outDir, "--quiet"]);
    const staging = `${child.pid ?? 0}-`;
    // Kill once the build has written article pages into its site folder, halfway through.
    const writingPages = async (): Promise<boolean> => {
      const folder = (await readdir(sitesDir())).find((entry) => entry.startsWith(staging));
      if (folder === undefined) return false;
      const pages = await readdir(path.join(sitesDir(), folder, "national")).catch(() => []);
      return pages.some((name) => name.startsWith("bulk-article-"));
    };
    for (let i = 0; i < 1200 && !(await writingPages()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await writingPages()).toBe(true);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(await hashTree(outDir)).toBe(site);
    // A stray temporary file as a write killed halfway leaves one.
    await writeFile(path.join(work, CACHE_FOLDER, "site", "records-0.json.1234.tmp"), "half");

    // The seeds are as the last finished build saw them: nothing to do, but the killed build's leftovers go.
    await removeBulk();
    const again = await runCli("cli.ts", ["--seeds", seedsDir, "--out", outDir]);
    expect(again.stdout).toMatch(/nothing changed/u);
    expect((await readdir(sitesDir())).sort()).toEqual([...sitesBefore].sort());
    expect((await readdir(path.join(work, CACHE_FOLDER, "site"))).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect((await readdir(work)).sort()).toEqual([CACHE_FOLDER, "seeds", "site"]);
  });

  test("Ctrl-C stops a build with one line, removes its site folder and releases the lock", async () => {
    const site = await hashTree(outDir);
    const sitesBefore = await readdir(sitesDir());
    await addBulkSeeds();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const child = cli("cli.ts", ["--seeds", seedsDir, "--out", outDir, "--quiet"]);
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const started = async (): Promise<boolean> =>
        (await readdir(sitesDir())).some((entry) => entry.startsWith(`${child.pid ?? 0}-`));
      for (let i = 0; i < 1200 && !(await started()); i++) await new Promise((r) => setTimeout(r, 25));
      child.kill(signal);
      const code = await new Promise((resolve) => child.once("exit", resolve));
      expect(code).toBe(signal === "SIGINT" ? 130 : 143);
      expect(stderr.trim()).toBe("interrupted; the published site is unchanged");
      expect(await hashTree(outDir)).toBe(site);
      expect((await readdir(sitesDir())).sort()).toEqual([...sitesBefore].sort());
      // The lock is free.
      await (
        await lockOutput(cacheDirFor(outDir), outDir, { wait: false })
      )();
    }
  });
});

/** A PNG of the given size as far as its header goes: what an image's size is read from. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function withSeeds(files: Record<string, string | Buffer>, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "ppp-one-"));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
