/**
 * `npx tsx bench/phases.ts SEEDS OUT`: one build of SEEDS into OUT, in this
 * process, printing its wall time and how long each phase took (and the
 * process's resident memory after it), from `build()`'s timings. Run it
 * again for a rebuild; `WORKERS=0` renders in one thread.
 */
import { build } from "../src/build.ts";

const [seedsDir, outDir] = process.argv.slice(2);
if (seedsDir === undefined || outDir === undefined) {
  console.error("usage: npx tsx bench/phases.ts SEEDS OUT");
  process.exit(2);
}
const workers = process.env["WORKERS"];
const started = performance.now();
const result = await build({
  seedsDir,
  outDir,
  quiet: true,
  ...(workers === undefined ? {} : { workers: Number(workers) }),
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`${seconds} s, ${result.pagesRendered} of ${result.pages} pages rendered`);
for (const { phase, ms, rssMb } of result.timings)
  console.log(`${phase.padEnd(28)} ${String(ms).padStart(7)} ms ${String(rssMb).padStart(6)} MB`);
