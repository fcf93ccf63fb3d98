/** The suite runs on the Node the project names: .nvmrc, `engines` and the running Node agree. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { PROJECT_ROOT } from "./helpers.ts";

const major = (version: string): number => Number(/\d+/u.exec(version)?.[0]);

test("node --version in the tests is the .nvmrc line, which engines allows", () => {
  const nvmrc = readFileSync(path.join(PROJECT_ROOT, ".nvmrc"), "utf8").trim();
  const engines = (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      engines: { node: string };
    }
  ).engines.node;
  const child = execFileSync("node", ["--version"], { encoding: "utf8" }).trim();
  console.log(`node --version: ${child} (this process ${process.version})`);
  expect(major(engines)).toBeGreaterThanOrEqual(24);
  expect(major(process.version)).toBe(major(nvmrc));
  expect(major(child)).toBe(major(nvmrc));
  expect(readFileSync(path.join(PROJECT_ROOT, ".node-version"), "utf8").trim()).toBe(nvmrc);
});
