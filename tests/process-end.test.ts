/**
 * A command says why it failed in one line: an error that no code awaited,
 * thrown after it has said so (a second write to the same full disk), adds
 * no line unless DEBUG is set; thrown after a success, it is the one line.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const SCRIPT = fileURLToPath(new URL("./fixtures/process-end/late-failure.ts", import.meta.url));

function run(env: Record<string, string>): { code: number | null; lines: string[] } {
  const { DEBUG: _debug, ...inherited } = process.env;
  const out = spawnSync(process.execPath, ["--import", "tsx", SCRIPT], {
    env: { ...inherited, ...env },
    encoding: "utf8",
  });
  return {
    code: out.status,
    lines: out.stderr
      .trim()
      .split("\n")
      .filter((line) => line !== ""),
  };
}

test("after the command's own failure line, a late error adds none, and the exit code stays", () => {
  expect(run({ FAIL: "1" })).toEqual({
    code: 5,
    lines: ["build failed: the first write: no space left on device"],
  });
});

test("with DEBUG set, the late error is shown too", () => {
  const { code, lines } = run({ FAIL: "1", DEBUG: "1" });
  expect(code).toBe(5);
  expect(lines[0]).toBe("build failed: the first write: no space left on device");
  expect(lines.some((line) => line.includes("a late write: no space left on device"))).toBe(true);
});

test("after a success, a late error is the one line, with exit 5", () => {
  const { code, lines } = run({});
  expect(code).toBe(5);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^build failed: .*a late write: no space left on device/);
});
