/**
 * `npm run bench [-- --sizes 1000,10000] [--large] [--seed 42]`: builds
 * synthetic archives with this project and with Hugo on the same articles,
 * times a full build, a rebuild with no change and a rebuild after editing
 * one seed, records peak RSS, prints a table and writes bench/results.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeArchives } from "./generate.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TIME = "/usr/bin/time";

interface Run {
  seconds: number;
  peakRssMb: number;
}

interface Row {
  articles: number;
  ours: Run;
  hugo: Run | null;
  noChange: Run;
  oneEdited: Run;
}

/** Runs a command under GNU time; wall seconds and peak RSS. */
function measure(command: string, args: readonly string[]): Run {
  const started = performance.now();
  const result = spawnSync(TIME, ["-f", "%M", command, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr.slice(-2000)}`);
  const kb = Number(result.stderr.trim().split("\n").at(-1));
  return { seconds: Math.round(seconds * 100) / 100, peakRssMb: Math.round(kb / 1024) };
}

function works(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** Debian's packages, installed when running as root; false when that is not possible. */
function aptInstall(pkg: string): boolean {
  if (process.getuid?.() !== 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return (
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status === 0 &&
    spawnSync("apt-get", ["install", "-y", "-qq", pkg], { stdio: "inherit", env }).status === 0
  );
}

function ensureTools(): { hugo: string | null } {
  if (!works(TIME, ["-f", "%M", "true"]) && !aptInstall("time")) {
    throw new Error("the benchmark needs GNU time for peak RSS: apt-get install time");
  }
  if (works("hugo", ["version"])) return { hugo: "hugo" };
  console.log("hugo not found; installing Debian's hugo package…");
  if (aptInstall("hugo") && works("hugo", ["version"])) return { hugo: "hugo" };
  console.log("hugo could not be installed (apt-get install hugo): the Hugo column stays empty");
  return { hugo: null };
}

const ours = (seedsDir: string, outDir: string): Run =>
  measure(process.execPath, [
    "--import",
    "tsx",
    path.join(ROOT, "src/cli.ts"),
    "--seeds",
    seedsDir,
    "--out",
    outDir,
    "--quiet",
  ]);

async function benchmark(count: number, seed: number, hugo: string | null): Promise<Row> {
  const dir = path.join(os.tmpdir(), `ppp-bench-${count}`);
  const { seedsDir, hugoDir } = await writeArchives(count, seed, dir);
  const outDir = path.join(dir, "site");
  const full = ours(seedsDir, outDir);
  const hugoRun =
    hugo === null
      ? null
      : measure(hugo, ["--source", hugoDir, "--destination", path.join(dir, "hugo-public"), "--quiet"]);
  const noChange = ours(seedsDir, outDir);
  await appendFile(path.join(seedsDir, "000000.txt"), "\nAn added paragraph after an edit.\n");
  const oneEdited = ours(seedsDir, outDir);
  return { articles: count, ours: full, hugo: hugoRun, noChange, oneEdited };
}

function table(rows: readonly Row[]): string {
  const header =
    "| articles | full build | peak RSS | Hugo | ours ÷ Hugo | no-change rebuild | one seed edited | ms per article |";
  const rule = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
  const lines = rows.map((r) =>
    [
      r.articles.toLocaleString("en"),
      `${r.ours.seconds} s`,
      `${r.ours.peakRssMb} MB`,
      r.hugo === null ? "n/a" : `${r.hugo.seconds} s (${r.hugo.peakRssMb} MB)`,
      r.hugo === null ? "n/a" : `${(r.ours.seconds / r.hugo.seconds).toFixed(1)}×`,
      `${r.noChange.seconds} s (${(r.noChange.seconds / r.ours.seconds).toFixed(2)}×)`,
      `${r.oneEdited.seconds} s (${(r.oneEdited.seconds / r.ours.seconds).toFixed(2)}×)`,
      ((r.ours.seconds * 1000) / r.articles).toFixed(2),
    ].join(" | "),
  );
  return [header, rule, ...lines.map((line) => `| ${line} |`)].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000" },
      large: { type: "boolean", default: false },
      seed: { type: "string", default: "42" },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  if (values.large) sizes.push(100_000);
  const { hugo } = ensureTools();
  const rows: Row[] = [];
  for (const size of sizes) {
    console.log(`benchmarking ${size.toLocaleString("en")} articles…`);
    rows.push(await benchmark(size, Number(values.seed), hugo));
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    hugo: hugo === null ? null : execFileSync(hugo, ["version"], { encoding: "utf8" }).trim(),
    date: new Date().toISOString(),
  };
  const output = table(rows);
  console.log(
    `\n${output}\n\nmachine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; ${machine.hugo ?? "no Hugo"}`,
  );
  await writeFile(
    path.join(ROOT, "bench", "results.json"),
    `${JSON.stringify({ machine, rows, table: output }, null, 2)}\n`,
  );
}

await main();
