/** One build with its report on the console, for the command-line entry points. */
import { BuildError, build } from "../build.ts";
import type { ParsedFlags } from "./cli-flags.ts";
import { type Problem, formatProblem } from "../model/problems.ts";
import { OutputBusyError, ownerText } from "../output/output-lock.ts";
import { OutputFolderError } from "../output/check-output.ts";
import { UsageError, describeError } from "../util/usage-error.ts";
import { EXIT } from "./exit-codes.ts";
import { warningLines } from "./warning-summary.ts";
import { heapAfterParsing, heapWhenPlanned, useLeanHeap } from "../util/lean-heap.ts";

/**
 * Builds once and reports; returns the exit code. With `seen` (`serve`),
 * only warnings not printed by the build before are printed, and `seen`
 * becomes this build's.
 */
export async function buildAndReport(flags: ParsedFlags, seen?: Set<string>): Promise<number> {
  const { seedsDir, outDir } = flags.build;
  const started = performance.now();
  try {
    // V8's heap settings are the process's: the command line sets them, not the library.
    useLeanHeap();
    const result = await build({
      ...flags.build,
      onParsed: heapAfterParsing,
      onPlanned: heapWhenPlanned,
      onWait: (owner) => console.error(`waiting for another build (${ownerText(owner)}) to finish writing ${outDir}…`),
    });
    if (flags.verbose) {
      const fresh = seen === undefined ? result.problems : result.problems.filter((p) => !seen.has(problemKey(p)));
      for (const line of warningLines(fresh, seedsDir, flags.allWarnings)) console.warn(line);
      if (seen !== undefined) {
        seen.clear();
        for (const p of result.problems) seen.add(problemKey(p));
      }
      if (process.env["NODE_ENV"] === "production" && isLocalOrigin(result.siteUrl)) {
        console.warn(
          `warning: siteUrl is ${result.siteUrl}: canonical links, feeds and the sitemap point there; give the public address with --site-url, SITE_URL or siteUrl in site.config.json`,
        );
      }
      const elapsed = (performance.now() - started) / 1000;
      const seconds = elapsed.toFixed(elapsed < 10 ? 2 : 1);
      const done = result.upToDate
        ? `nothing changed, nothing written to ${outDir}`
        : `${result.pagesRendered} rendered, ${result.pages - result.pagesRendered} unchanged; published ${outDir}`;
      const skipped = result.skipped === 0 ? "" : `; ${result.skipped} seed${result.skipped === 1 ? "" : "s"} skipped`;
      console.log(
        `${count(result.articles, "article")}, ${count(result.pages, "page")} in ${seconds} s (${done}); ${count(result.seedFiles, "seed")}, ${count(result.problems.length, "warning")}${skipped}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof OutputFolderError) {
      console.error(`build failed: ${error.message}`);
      return EXIT.outputRefused;
    }
    if (error instanceof OutputBusyError) {
      console.error(`build failed: ${error.message}`);
      return EXIT.outputBusy;
    }
    if (error instanceof UsageError) {
      console.error(describeError(error));
      return EXIT.badFlags;
    }
    if (!(error instanceof BuildError)) {
      console.error(`build failed: ${describeError(error)} (DEBUG=1 shows where)`);
      return EXIT.failed;
    }
    for (const p of error.problems)
      if (p.severity === "error" || flags.verbose) console.error(formatProblem(p, seedsDir));
    console.error(`build failed: ${error.message}`);
    return EXIT.seedErrors;
  }
}

function problemKey(p: Problem): string {
  return `${p.file}:${p.line}:${p.message}`;
}

function isLocalOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
