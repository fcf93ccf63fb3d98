/**
 * `npm run bench [-- --sizes 1000,10000] [--large] [--seed 42] [--save] [--dir DIR,DIR] [--no-hugo]`:
 * builds synthetic archives with this project, and with Hugo followed by
 * Pagefind over Hugo's output (what a user would otherwise run for a
 * searchable static archive) on the same articles; times our full build, a
 * rebuild with no change and one after editing one seed; records peak memory
 * (RSS of the build and its child processes) and a query on the site's search
 * page in Chromium (`search.ts`), and prints a table. Each size
 * runs on disk (the temporary folder) and on a RAM disk (/dev/shm), in a
 * fresh folder removed afterwards. `--save` writes bench/results.json and
 * the chart bench/chart.svg, which docs/benchmark.md quotes.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chartSvg } from "./chart.ts";
import { HUGO_LIMIT, editedSeeds, scrapedText, writeArchives } from "./generate.ts";
import { ensureDisk, needsBytes } from "./disk-needs.ts";
import { type BenchFlags, flags } from "./bench-flags.ts";
import { measureSearch } from "./search.ts";
import { type Row, type Run, hugoPagefind, table } from "./table.ts";
import { measure } from "./measure.ts";
import { aptInstall, works } from "../tests/system-tools.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

const PAGEFIND = path.join(ROOT, "node_modules", ".bin", "pagefind");

function ensureTools(): { hugo: string | null } {
  if (process.platform !== "linux") throw new Error("the benchmark reads memory use from /proc: run it on Linux");
  if (works("hugo", ["version"])) return { hugo: "hugo" };
  console.log("hugo not found; installing Debian's hugo package…");
  if (aptInstall(["hugo"]) && works("hugo", ["version"])) return { hugo: "hugo" };
  console.log("hugo could not be installed (apt-get install hugo): the Hugo column stays empty");
  return { hugo: null };
}

// As `npm run build` runs it (package.json): V8's default heap ceiling (4.2 GB here) is below what a million articles' heads need.
const ours = (seedsDir: string, outDir: string): Promise<Run> =>
  measure(process.execPath, [
    "--max-old-space-size-percentage=50",
    path.join(ROOT, "src/cli.ts"),
    "--seeds",
    seedsDir,
    "--out",
    outDir,
    "--quiet",
  ]);

async function benchmark(count: number, seed: number, hugo: string | null, parent: string): Promise<Row> {
  // The seeds stay for the next run of this size; the sites go.
  const archives = path.join(parent, `ppp-bench-seeds-${count}-${seed}`);
  const withHugo = hugo !== null && count <= HUGO_LIMIT;
  ensureDisk(parent, needsBytes(count, withHugo, existsSync(path.join(archives, "seeds"))));
  console.log(`  seeds in ${archives} (kept for later runs)`);
  const { seedsDir, hugoDir } = await writeArchives(count, seed, archives);
  const dir = await mkdtemp(path.join(parent, `ppp-bench-${count}-`));
  try {
    const storage = parent.startsWith("/dev/shm") ? "RAM disk" : "disk";
    const row = {
      storage,
      ...(await benchmarkIn(dir, { count, seed }, seedsDir, withHugo && hugoDir !== null ? { hugo, hugoDir } : null)),
    };
    // Shown before the folder goes: removing a million articles' site takes minutes.
    console.log(`\n${table([row])}\n`);
    return row;
  } finally {
    console.log(`  removing ${dir}…`);
    // rm(1) removed a million-article site (2.4 million files) several times faster than fs.rm.
    await promisify(execFile)("rm", ["-rf", "--", dir]);
  }
}

async function benchmarkIn(
  dir: string,
  { count, seed }: { count: number; seed: number },
  seedsDir: string,
  hugo: { hugo: string; hugoDir: string } | null,
): Promise<Omit<Row, "storage">> {
  const outDir = path.join(dir, "site");
  const full = await ours(seedsDir, outDir);
  const hugoOut = path.join(dir, "hugo-public");
  const hugoRun =
    hugo === null ? null : await measure(hugo.hugo, ["--source", hugo.hugoDir, "--destination", hugoOut, "--quiet"]);
  const pagefind = hugo === null ? null : await measure(PAGEFIND, ["--site", hugoOut, "--quiet"]);
  const noChange = await ours(seedsDir, outDir);
  const edits = editedSeeds(count, seed);
  await writeFile(path.join(seedsDir, edits.paragraph.file), scrapedText(edits.paragraph));
  const oneEdited = await ours(seedsDir, outDir);
  await writeFile(path.join(seedsDir, edits.headline.file), scrapedText(edits.headline));
  const retitled = await ours(seedsDir, outDir);
  const diskMb = Math.round(duKb(outDir, path.join(dir, ".ppp-archive-cache")) / 1024);
  // A word of every synthetic article: the most results a query can have.
  const [search] = await measureSearch(outDir, ["minister"]);
  if (search === undefined) throw new Error("the search page was not measured");
  return { articles: count, ours: full, hugo: hugoRun, pagefind, noChange, oneEdited, retitled, diskMb, search };
}

/** Kilobytes under the paths, each hard-linked file counted once (`du`). */
function duKb(...paths: string[]): number {
  const out = execFileSync("du", ["-skcL", ...paths], { encoding: "utf8" });
  return Number(/^(\d+)\s+total$/mu.exec(out)?.[1] ?? 0);
}

async function main(): Promise<void> {
  const values = flags();
  if (values !== null) await run(values);
}

async function run(values: BenchFlags): Promise<void> {
  const sizes = values.sizes.split(",").map(Number);
  if (values.large) sizes.push(100_000);
  const { hugo } = values["no-hugo"] ? { hugo: null } : ensureTools();
  const rows: Row[] = [];
  for (const size of sizes) {
    for (const dir of values.dir.split(",")) {
      console.log(`benchmarking ${size.toLocaleString("en")} articles in ${dir}…`);
      rows.push(await benchmark(size, Number(values.seed), hugo, dir));
    }
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
  if (!values.save) {
    console.log("(not saved: --save writes bench/results.json)");
    return;
  }
  await writeFile(
    path.join(ROOT, "bench", "results.json"),
    `${JSON.stringify({ machine, rows, table: output }, null, 2)}\n`,
  );
  const chartRows = rows.map((r) => ({
    articles: r.articles,
    storage: r.storage,
    ours: r.ours.seconds,
    hugo: r.hugo?.seconds ?? null,
    hugoPagefind: hugoPagefind(r)?.seconds ?? null,
    oneEdited: r.oneEdited.seconds,
  }));
  await writeFile(
    path.join(ROOT, "bench", "chart.svg"),
    chartSvg(chartRows, `Build time against articles, ${machine.cores} × ${machine.cpu}, ${machine.date.slice(0, 10)}`),
  );
}

await main();
