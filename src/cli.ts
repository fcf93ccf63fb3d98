/** `npm run build -- [--seeds DIR] [--out DIR] [--base PATH] [--site-url URL] [--strict] [--no-wait] [--workers N] [--quiet] [--version]` */
import { buildAndReport } from "./cli/build-report.ts";
import { BUILD_FLAGS_HELP, flagsOrExit, parseBuildFlags } from "./cli/cli-flags.ts";
import { runIfMain } from "./cli/run-if-main.ts";

const USAGE = `usage: npm run build -- [--seeds DIR] [--out DIR] [--base PATH] [--site-url URL] [--strict] [--no-wait] [--workers N] [--quiet] [--version]\n${BUILD_FLAGS_HELP}`;

/** `npm run build` with these arguments; returns the exit code. */
export async function buildMain(argv: string[]): Promise<number> {
  const flags = flagsOrExit(() => parseBuildFlags(argv), USAGE);
  return typeof flags === "number" ? flags : buildAndReport(flags);
}

await runIfMain(import.meta.url, buildMain);
