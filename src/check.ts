/** `npm run check -- [--seeds DIR]`: the validation pass alone; prints every problem and a one-line summary. */
import { parseArgs } from "node:util";
import { validate } from "./build.ts";
import { formatProblem } from "./problems.ts";
import { loadSiteConfig } from "./site-config.ts";

const USAGE = "usage: npm run check -- [--seeds DIR]";

async function main(argv: string[]): Promise<number> {
  let seedsDir: string;
  try {
    seedsDir = parseArgs({ args: argv, options: { seeds: { type: "string", default: "seeds" } }, strict: true }).values
      .seeds;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { ingest, archive, problems } = await validate(seedsDir, loadSiteConfig());
  for (const p of problems) console.error(formatProblem(p, seedsDir));
  const errors = problems.filter((p) => p.severity === "error").length;
  const articles = errors === 0 ? archive.records.length : ingest.articles.length;
  console.log(
    `${ingest.files.length} seeds, ${articles} articles, ${errors} errors, ${problems.length - errors} warnings`,
  );
  return errors === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
