/** One build with its report on the console, for the command-line entry points. */
import { BuildError, build } from "./build.ts";
import type { ParsedFlags } from "./cli-flags.ts";
import { formatProblem } from "./problems.ts";
import { OutputFolderError } from "./publish.ts";

/** Builds once and reports; the exit code: 0 built, 1 seeds have errors. */
export async function buildAndReport(flags: ParsedFlags): Promise<number> {
  const { seedsDir, outDir } = flags.build;
  const started = performance.now();
  try {
    const result = await build(flags.build);
    if (flags.verbose) {
      for (const p of result.problems) console.warn(formatProblem(p, seedsDir));
      const elapsed = (performance.now() - started) / 1000;
      const seconds = elapsed.toFixed(elapsed < 10 ? 2 : 1);
      const done = result.upToDate
        ? `nothing changed, nothing written to ${outDir}`
        : `${result.pagesRendered} rendered, ${result.pages - result.pagesRendered} unchanged; published ${outDir}`;
      const skipped = result.skipped === 0 ? "" : `; ${result.skipped} seed${result.skipped === 1 ? "" : "s"} skipped`;
      console.log(
        `${count(result.records.length, "article")}, ${count(result.pages, "page")} in ${seconds} s (${done}); ${count(result.seedFiles, "seed")}, ${count(result.problems.length, "warning")}${skipped}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof OutputFolderError) {
      console.error(`build failed: ${error.message}`);
      return 1;
    }
    if (!(error instanceof BuildError)) throw error;
    for (const p of error.problems)
      if (p.severity === "error" || flags.verbose) console.error(formatProblem(p, seedsDir));
    console.error(`build failed: ${error.message}`);
    return 1;
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
