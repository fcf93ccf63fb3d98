/** Mistakes in what a user asks for: one line saying what to give instead, exit 2, no stack trace. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { REAL_SEED, runScript } from "./helpers.ts";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-messages-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("plain errors for bad flags and settings", () => {
  const seeds = path.dirname(REAL_SEED);
  test.each([
    [
      "build --seeds does-not-exist",
      "cli.ts",
      ["--seeds", "does-not-exist"],
      {},
      /^--seeds does-not-exist: no such folder; give the folder/,
    ],
    ["check --seeds nope", "cli/check.ts", ["--seeds", "nope"], {}, /^--seeds nope: no such folder/],
    [
      "build --site-url notaurl",
      "cli.ts",
      ["--seeds", seeds, "--site-url", "notaurl"],
      {},
      /^site settings are invalid: site URL "notaurl" \(from --site-url\) is not an absolute http\(s\) URL/,
    ],
    [
      "check with SITE_URL=foo",
      "cli/check.ts",
      ["--seeds", seeds],
      { SITE_URL: "foo" },
      /^site settings are invalid: site URL "foo" \(from SITE_URL\)/,
    ],
  ])("%s", async (_name, script, args, env, message) => {
    const previous = process.env["SITE_URL"];
    Object.assign(process.env, env);
    try {
      const out = path.join(work, `site-${script}`);
      const outcome = await runScript(script, script === "cli.ts" ? [...args, "--out", out] : args);
      expect(outcome.code).toBe(2);
      const lines = outcome.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(outcome.stderr).not.toMatch(/\n\s+at /u);
    } finally {
      if (previous === undefined) delete process.env["SITE_URL"];
      else process.env["SITE_URL"] = previous;
    }
  });

  test("a production build still pointing at localhost warns once; one with --site-url does not", async () => {
    const seeds = path.dirname(REAL_SEED);
    const previous = process.env["NODE_ENV"];
    process.env["NODE_ENV"] = "production";
    try {
      const local = await runScript("cli.ts", ["--seeds", seeds, "--out", path.join(work, "prod-local")]);
      expect(local.code).toBe(0);
      expect(local.stderr.match(/^warning: siteUrl is http:\/\/localhost:8080: /gmu)).toHaveLength(1);
      const real = await runScript("cli.ts", [
        "--seeds",
        seeds,
        "--out",
        path.join(work, "prod-real"),
        "--site-url",
        "https://archive.example.org",
      ]);
      expect(real.code).toBe(0);
      expect(real.stderr).not.toMatch(/siteUrl is/u);
    } finally {
      if (previous === undefined) delete process.env["NODE_ENV"];
      else process.env["NODE_ENV"] = previous;
    }
  });

  test("check --help works like build --help", async () => {
    const help = await runScript("cli/check.ts", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run check/);
  });
});
