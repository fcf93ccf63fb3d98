/**
 * `npm run check -- [--seeds DIR] [--strict]`: the validation pass alone;
 * prints every problem, a data-quality summary and a one-line summary.
 * `npm run check -- --explain FILE` shows how the parser read each line of one seed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { validate } from "../validate.ts";
import { countSkipped } from "../model/problems.ts";
import type { ExplainedLine } from "../ingest/line-roles.ts";
import { explainSeed } from "../ingest/parse-seed.ts";
import { seedOptions } from "../ingest/seed-options.ts";
import { type Problem, formatProblem } from "../model/problems.ts";
import type { SeedArticle } from "../model/record.ts";
import { loadSiteConfig } from "../model/site-config.ts";
import { UsageError, describeError } from "../util/usage-error.ts";
import { flagsOrExit } from "./cli-flags.ts";
import { runIfMain } from "./run-if-main.ts";

const USAGE = `usage: npm run check -- [--seeds DIR] [--strict]
       npm run check -- --explain FILE
  --seeds DIR      folder of .txt and .md seeds (default: seeds)
  --strict         count seeds that cannot be read as articles as errors instead of skipping them
  --explain FILE   print each line of one seed with the role the parser gave it
  --version        print the version and exit`;

/** Longest part of a line shown by `--explain`; the rest is elided. */
const SHOWN_TEXT = 100;

async function check(argv: string[]): Promise<number> {
  const values = flagsOrExit(
    () =>
      parseArgs({
        args: argv,
        options: {
          seeds: { type: "string", default: "seeds" },
          strict: { type: "boolean", default: false },
          explain: { type: "string" },
          help: { type: "boolean", short: "h", default: false },
          version: { type: "boolean", default: false },
        },
        strict: true,
      }).values,
    USAGE,
  );
  if (typeof values === "number") return values;
  if (values.explain !== undefined) return explain(values.explain);

  const { ingest, archive, problems } = await validate(values.seeds, loadSiteConfig(), { strict: values.strict });
  for (const p of problems) console.error(formatProblem(p, values.seeds));
  const errors = problems.filter((p) => p.severity === "error").length;
  const articles = errors === 0 ? archive.records.length : ingest.articles.length;
  console.log(dataQuality(ingest.articles, problems));
  console.log(
    `${ingest.files.length} seeds, ${articles} articles, ${errors} errors, ${problems.length - errors} warnings`,
  );
  return errors === 0 ? 0 : 1;
}

/** How many articles have each field, and how many seeds were left out and why. */
function dataQuality(articles: readonly SeedArticle[], problems: readonly Problem[]): string {
  const total = articles.length;
  const share = (count: number, what: string): string =>
    `${count} ${what} (${total === 0 ? 0 : Math.round((count / total) * 100)}%)`;
  const fields = [
    share(articles.filter((a) => a.date !== null).length, "with a date"),
    share(articles.filter((a) => a.authors.length > 0).length, "with a byline"),
    share(articles.filter((a) => a.photo?.caption != null).length, "with a caption"),
    share(articles.filter((a) => a.photo?.credit != null).length, "with a credit"),
    share(articles.filter((a) => a.standfirst !== null).length, "with a standfirst"),
  ];
  const reasons = new Map<string, number>();
  for (const p of problems) if (p.skipped === true) reasons.set(p.message, (reasons.get(p.message) ?? 0) + 1);
  const skipped = countSkipped(problems);
  const why = [...reasons].map(([message, count]) => `${count} ${message}`).join(", ");
  const left = reasons.size === 0 ? "no seeds skipped" : `${skipped} seeds skipped (${why})`;
  return `data quality: ${total} articles read; ${fields.join(", ")}; ${left}`;
}

async function explain(file: string): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    console.error(unreadableSeed(file, error));
    return 2;
  }
  const site = loadSiteConfig();
  const result = explainSeed(bytes, path.basename(file), seedOptions(site));
  const width = String(result.lines.length).length;
  for (const line of result.lines) console.log(explainedLine(line, width));
  for (const p of result.problems) console.log(formatProblem({ ...p, file }));
  const article = result.parsed?.article;
  if (article === undefined) {
    const skipped = result.problems.some((p) => p.skipped === true);
    console.log(`${file}: ${skipped ? "skipped: not read as an article" : "has errors: not read as an article"}`);
    return skipped ? 0 : 1;
  }
  console.log(
    `${file}: headline ${JSON.stringify(article.headline)}; ${article.authors.length} author(s); date ${article.date ?? "none"}; section ${article.section}; caption ${article.photo?.caption == null ? "none" : "yes"}; credit ${article.photo?.credit ?? "none"}; ${article.body.length} body paragraphs; ${article.related.length} related`,
  );
  return 0;
}

function explainedLine(line: ExplainedLine, width: number): string {
  const role = line.paragraph === undefined ? line.role : `${line.role} ${line.paragraph}`;
  const text = line.text.length > SHOWN_TEXT ? `${line.text.slice(0, SHOWN_TEXT)}…` : line.text;
  return `${String(line.number).padStart(width)}  ${role.padEnd(17)} ${text}`.trimEnd();
}

/** `npm run check` with these arguments; returns the exit code. */
export async function checkMain(argv: string[]): Promise<number> {
  return check(argv).catch((error: unknown) => {
    console.error(error instanceof UsageError ? describeError(error) : `check failed: ${describeError(error)}`);
    return error instanceof UsageError ? 2 : 1;
  });
}

await runIfMain(import.meta.url, checkMain);

/** Why `--explain FILE` cannot read the file, and what to give instead. */
function unreadableSeed(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${file} does not exist: give the path of one .txt or .md seed`;
  if (code === "EISDIR")
    return `${file} is a folder: give one seed file (\`npm run check -- --seeds ${file}\` checks a folder)`;
  if (code === "EACCES") return `${file} cannot be read (permission denied): check the file's permissions`;
  return `${file} cannot be read (${code ?? String(error)})`;
}
