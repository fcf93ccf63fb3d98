/** Flags shared by `npm run build` and `npm run serve`. */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import type { BuildOptions } from "../build.ts";
import { suggestion } from "../util/did-you-mean.ts";
import { VERSION_LINE } from "./version.ts";

export const BUILD_FLAGS_HELP = `  --seeds DIR      folder of .txt and .md seeds (default: seeds)
  --out DIR        folder to publish the site to (default: _site)
  --static DIR     the site's own files (CNAME, …), copied into it as they are (default: static)
  --base PATH      base path the site is served under (default: /)
  --site-url URL   absolute origin for canonical links and feeds (default: SITE_URL or site.config.json)
  --strict         stop on seeds that cannot be read as articles instead of skipping them
  --sqlite         also publish every record in one SQLite file, data/archive.sqlite (docs/output.md)
  --no-wait        fail at once (exit 4) when another build is writing the same --out folder
  --workers N      worker threads for parsing and rendering (default: one per core but one; 0: none)
  --quiet          print errors only
  --verbose        list every warning (by default, warnings of one kind are counted once)
  --version        print the version and exit`;

export interface ParsedFlags {
  build: BuildOptions;
  /** Print warnings and the summary line. */
  verbose: boolean;
  /** List every warning instead of grouping them by kind. */
  allWarnings: boolean;
  help: boolean;
  version: boolean;
  port: number;
  /** Address `npm run serve` listens on. */
  host: string;
}

/** Throws a `TypeError` with Node's message for unknown or malformed flags. */
export function parseBuildFlags(argv: readonly string[], extra: { serve?: boolean } = {}): ParsedFlags {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seeds: { type: "string", default: "seeds" },
      out: { type: "string", default: "_site" },
      static: { type: "string", default: "static" },
      base: { type: "string", default: "/" },
      "site-url": { type: "string" },
      quiet: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      sqlite: { type: "boolean", default: false },
      "no-wait": { type: "boolean", default: false },
      workers: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", default: false },
      ...(extra.serve === true
        ? { port: { type: "string", default: "8080" }, host: { type: "string", default: "127.0.0.1" } }
        : {}),
    },
    strict: true,
  });
  if (
    !/^\/?(?:[\w.~-]+\/?)*$/.test(values.base) ||
    values.base.split("/").some((part) => part === ".." || part === ".")
  ) {
    throw new TypeError(`--base must be a URL path such as /archive/, not ${JSON.stringify(values.base)}`);
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  // More threads than cores only cost memory and time (64 on two cores: 67 s and 4.4 GB against 5.6 s).
  const cores = availableParallelism();
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= cores))
    throw new TypeError(
      `--workers must be a whole number from 0 to ${cores} (this machine's cores), not ${JSON.stringify(values.workers)}`,
    );
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new TypeError(`--port must be a number from 1 to 65535`);
  return {
    build: {
      seedsDir: values.seeds,
      outDir: values.out,
      staticDir: values.static,
      base: values.base,
      site: values["site-url"] === undefined ? {} : { siteUrl: values["site-url"] },
      quiet: values.quiet || !process.stdout.isTTY,
      strict: values.strict,
      sqlite: values.sqlite,
      wait: !values["no-wait"],
      ...(workers === undefined ? {} : { workers }),
    },
    verbose: !values.quiet,
    allWarnings: values.verbose,
    help: values.help,
    version: values.version,
    port,
    host: typeof values.host === "string" ? values.host : "127.0.0.1",
  };
}

/**
 * A mistake in the flags, as one line that says what to do, and exit code 2:
 * a mistyped flag gets a did-you-mean, a stray argument the reminder that npm
 * keeps flags given before `--` for itself.
 */
/** The flags `read` parses, or the exit code when they ask for nothing more (help, the version) or are wrong. */
export function flagsOrExit<T extends { help: boolean; version: boolean }>(read: () => T, usage: string): T | number {
  let flags: T;
  try {
    flags = read();
  } catch (error) {
    return badFlags(error, usage);
  }
  if (flags.help || flags.version) console.log(flags.help ? usage : VERSION_LINE);
  return flags.help || flags.version ? 0 : flags;
}

export function badFlags(error: unknown, usage: string): number {
  console.error(flagErrorLine(error, usage));
  return 2;
}

export function flagErrorLine(error: unknown, usage: string): string {
  const command = /^usage: (npm run \w+)/u.exec(usage)?.[1] ?? "npm run build";
  const help = `(\`${command} -- --help\` lists the options)`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = /'(-[^']*)'/u.exec(message)?.[1] ?? "";
    return `unknown option ${flag}${suggestion(flag, usage.match(/--[a-z-]+/gu) ?? [])} ${help}`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const argument = /'([^']*)'/u.exec(message)?.[1] ?? "";
    return `unexpected argument '${argument}': npm keeps flags given before \`--\` for itself; write \`${command} -- --seeds ${argument}\``;
  }
  return `${message.split(". ")[0]?.replace(/\.$/u, "") ?? message} ${help}`;
}
