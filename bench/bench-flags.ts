/** `npm run bench`'s flags: parsed, or one line saying what was wrong and the usage (exit code 2). */
import { existsSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";

const OPTIONS = {
  sizes: { type: "string", default: "1000,10000" },
  large: { type: "boolean", default: false },
  seed: { type: "string", default: "42" },
  save: { type: "boolean", default: false },
  "no-hugo": { type: "boolean", default: false },
  dir: { type: "string", default: [os.tmpdir(), ...(existsSync("/dev/shm") ? ["/dev/shm"] : [])].join(",") },
} as const;

const USAGE = `usage: npm run bench -- [--sizes N,N] [--large] [--seed N] [--save] [--no-hugo] [--dir DIR,DIR]
  --sizes N,N   archive sizes to time (default: 1000,10000)
  --large       add 100,000 articles
  --seed N      seed of the synthetic archive (default: 42)
  --save        write bench/results.json and bench/chart.svg
  --no-hugo     time our build alone, without Hugo and Pagefind
  --dir DIR,DIR storages to run on (default: the temporary folder and /dev/shm)`;

/** The flags, or null after saying what was wrong (one line, then the usage) or printing the usage for --help. */
export function flags() {
  try {
    const { values } = parseArgs({ options: { ...OPTIONS, help: { type: "boolean", short: "h", default: false } } });
    if (!values.help) return values;
    console.log(USAGE);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message.split(". ")[0] : String(error)}\n${USAGE}`);
    process.exitCode = 2;
  }
  return null;
}

export type BenchFlags = NonNullable<ReturnType<typeof flags>>;
