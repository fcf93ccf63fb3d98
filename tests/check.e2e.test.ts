/** `npm run check`: `--explain FILE` shows each line's role; `--help` and bad flags behave like the build's. */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PARSE_FIXTURES, type ScriptOutcome, runScript } from "./helpers.ts";

const check = (args: readonly string[]): Promise<ScriptOutcome> => runScript("cli/check.ts", args);

/** `  7  date              Publication date` -> [7, "date"]. */
function roles(stdout: string): [number, string][] {
  return stdout
    .split("\n")
    .map((line) => /^\s*(\d+) {2}(.+?)(?: {2,}|$)/u.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [Number(match[1]), match[2] ?? ""]);
}

describe("npm run check -- --explain", () => {
  test("the 2010–2013 header block: every line with its role", async () => {
    const file = path.join(PARSE_FIXTURES, "pipe-title-2010-header-block", "seed.txt");
    const { code, stdout } = await check(["--explain", file]);
    expect(code).toBe(0);
    expect(roles(stdout).filter(([, role]) => role !== "blank")).toEqual([
      [1, "title"],
      [3, "headline"],
      [5, "section"],
      [7, "date"],
      [8, "date"],
      [10, "byline"],
      [12, "chrome dropped"],
      [14, "caption"],
      [16, "body 1"],
      [18, "body 2"],
      [20, "body 3"],
    ]);
    expect(stdout).toMatch(/section sport; caption yes; credit Tep Sona; 3 body paragraphs/);
  });

  test("footers, widgets, alt text and credits are named as dropped", async () => {
    const footer = await check(["--explain", path.join(PARSE_FIXTURES, "footer-chrome", "seed.txt")]);
    expect(roles(footer.stdout).filter(([, role]) => role.endsWith("dropped"))).toEqual([
      [13, "chrome dropped"],
      [15, "footer dropped"],
      [17, "footer dropped"],
      [18, "footer dropped"],
      [19, "footer dropped"],
      [20, "footer dropped"],
    ]);
    const alt = await check(["--explain", path.join(PARSE_FIXTURES, "junk-alt-line", "seed.txt")]);
    expect(roles(alt.stdout).filter(([, role]) => role !== "blank")).toContainEqual([7, "alt text dropped"]);
  });

  test("a body-only dump is reported as skipped, with exit 0", async () => {
    const { code, stdout } = await check(["--explain", path.join(PARSE_FIXTURES, "body-only-no-headline", "seed.txt")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/:1: warning: no headline found/);
    expect(stdout).toMatch(/skipped: not read as an article$/m);
  });

  test("--help prints the usage; a missing file and a bad flag exit 2", async () => {
    const help = await check(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--explain FILE/);
    expect((await check(["--explain", path.join(PARSE_FIXTURES, "no-such-file.txt")])).code).toBe(2);
    expect((await check(["--no-such-flag"])).code).toBe(2);
  });
});
