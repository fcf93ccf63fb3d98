/** `npm run build -- [--seeds DIR] [--out DIR] [--base PATH] [--site-url URL] [--quiet]` */
import { parseArgs } from "node:util";
import { BuildError, build } from "./build.ts";
import { formatProblem } from "./problems.ts";

const USAGE = `usage: npm run build -- [--seeds DIR] [--out DIR] [--base PATH] [--site-url URL] [--quiet]
  --seeds DIR      folder of .txt and .md seeds (default: seeds)
  --out DIR        folder to publish the site to (default: _site)
  --base PATH      base path the site is served under (default: /)
  --site-url URL   absolute origin for canonical links and feeds (default: SITE_URL or site.config.json)
  --quiet          print errors only`;

async function main(argv: string[]): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        seeds: { type: "string", default: "seeds" },
        out: { type: "string", default: "_site" },
        base: { type: "string", default: "/" },
        "site-url": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  const quiet = flags.quiet || !process.stdout.isTTY;
  const started = performance.now();
  try {
    const result = await build({
      seedsDir: flags.seeds,
      outDir: flags.out,
      base: flags.base,
      site: flags["site-url"] === undefined ? {} : { siteUrl: flags["site-url"] },
      quiet,
    });
    if (!flags.quiet) {
      for (const p of result.problems) console.warn(formatProblem(p, flags.seeds));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${result.records.length} articles from ${result.seedFiles} seeds, ${result.problems.length} warnings; wrote ${flags.out} in ${seconds} s`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    for (const p of error.problems)
      if (p.severity === "error" || !flags.quiet) console.error(formatProblem(p, flags.seeds));
    console.error(`build failed: ${error.message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
