/** `npm run build -- [--seeds DIR] [--out DIR] [--base PATH] [--site-url URL] [--strict] [--no-wait] [--workers N] [--quiet] [--version]` */
import { buildAndReport } from "./cli/build-report.ts";
import { BUILD_FLAGS_HELP, type ParsedFlags, badFlags, parseBuildFlags } from "./cli/cli-flags.ts";
import { runIfMain } from "./cli/run-if-main.ts";
import { VERSION_LINE } from "./cli/version.ts";

const USAGE = `usage: npm run build -- [--seeds DIR] [--out DIR] [--base PATH] [--site-url URL] [--strict] [--no-wait] [--workers N] [--quiet] [--version]\n${BUILD_FLAGS_HELP}`;

/** `npm run build` with these arguments; returns the exit code. */
export async function buildMain(argv: string[]): Promise<number> {
  let flags: ParsedFlags;
  try {
    flags = parseBuildFlags(argv);
  } catch (error) {
    return badFlags(error, USAGE);
  }
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (flags.version) {
    console.log(VERSION_LINE);
    return 0;
  }
  return buildAndReport(flags);
}

await runIfMain(import.meta.url, buildMain);
