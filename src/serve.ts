/**
 * `npm run serve -- [build flags] [--port N]`: builds, serves the site on
 * localhost, and rebuilds and reloads the browser when a seed, template,
 * stylesheet or the site settings change.
 */
import { watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { normalizeBase } from "./build.ts";
import { buildAndReport } from "./build-report.ts";
import { BUILD_FLAGS_HELP, type ParsedFlags, parseBuildFlags } from "./cli-flags.ts";

const USAGE = `usage: npm run serve -- [build flags] [--port N]\n${BUILD_FLAGS_HELP}\n  --port N         port on localhost (default: 8080)`;
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Editors write a file in several steps; wait for quiet before rebuilding. */
const DEBOUNCE_MS = 200;

async function main(argv: string[]): Promise<void> {
  let flags: ParsedFlags;
  try {
    flags = parseBuildFlags(argv, { port: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  await buildAndReport(flags);
  const server = EleventyDevServer.getServer("ppp-archive", path.resolve(flags.build.outDir), {
    pathPrefix: normalizeBase(flags.build.base ?? "/"),
    domDiff: false,
    showVersion: false,
  });
  server.serve(flags.port);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const rebuild = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if ((await buildAndReport(flags)) === 0) server.reload();
      });
    }, DEBOUNCE_MS);
  };
  const watched = [
    flags.build.seedsDir,
    `${PROJECT_ROOT}templates`,
    `${PROJECT_ROOT}public`,
    `${PROJECT_ROOT}site.config.json`,
  ];
  for (const target of watched) watch(target, { recursive: true }, rebuild);
  console.log(`watching ${watched.map((w) => path.relative(process.cwd(), w) || ".").join(", ")} for changes`);
}

await main(process.argv.slice(2));
