/**
 * `npm run serve -- [build flags] [--port N] [--host H]`: builds, serves the
 * site on localhost, and rebuilds and reloads the browser when a seed,
 * template, stylesheet or the site settings change.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { watch } from "chokidar";
import { normalizeBase } from "../render/urls.ts";
import { buildAndReport } from "./build-report.ts";
import { EXIT } from "./exit-codes.ts";
import { BUILD_FLAGS_HELP, flagsOrExit, parseBuildFlags } from "./cli-flags.ts";
import { startDevServer } from "./dev-server.ts";
import { rebuildQueue } from "./rebuild-queue.ts";
import { runIfMain } from "./run-if-main.ts";

const USAGE = `usage: npm run serve -- [build flags] [--port N] [--host H]
${BUILD_FLAGS_HELP}
  --port N         port to serve on (default: 8080)
  --host H         address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface)`;
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Editors write a file in several steps; wait for quiet before rebuilding. */
const DEBOUNCE_MS = 200;
/** Changed files named when a rebuild starts; the rest are counted. */
const NAMED_CHANGES = 3;

/** A running `serve`: it ends when stopped (a user stops it with Ctrl-C). */
export interface Serving {
  /** Resolves when the rebuilds asked for so far are done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** `npm run serve` with these arguments: the exit code when it ends at once (help, a bad flag), or the running server. */
export async function serveMain(argv: string[]): Promise<number | Serving> {
  const flags = flagsOrExit(() => parseBuildFlags(argv, { serve: true }), USAGE);
  if (typeof flags === "number") return flags;
  const reportFailure = (error: unknown): void =>
    console.error(
      `rebuild failed, still serving the last site built: ${error instanceof Error ? error.message : String(error)}`,
    );
  // Only warnings a rebuild finds anew are printed again, after the files whose change started it.
  const seen = new Set<string>();
  // Started once the first build is done; changes seen before then wait for it.
  let server: ReturnType<typeof startDevServer> | null = null;
  const changed = new Set<string>();
  const rebuild = (): Promise<number> => {
    const files = [...changed];
    changed.clear();
    const more = files.length > NAMED_CHANGES ? ` and ${files.length - NAMED_CHANGES} more` : "";
    console.log(`changed: ${files.slice(0, NAMED_CHANGES).join(", ")}${more}; rebuilding`);
    return buildAndReport(flags, seen);
  };
  const queue = rebuildQueue({ build: rebuild, onBuilt: () => server?.reload(), onError: reportFailure }, DEBOUNCE_MS);
  const watched = [
    flags.build.seedsDir,
    `${PROJECT_ROOT}templates`,
    `${PROJECT_ROOT}public`,
    `${PROJECT_ROOT}site.config.json`,
  ];
  // Watching starts before the first build, so a file saved while it runs is rebuilt after it.
  // chokidar, not Node's recursive fs.watch: on Linux that loses a file once an editor (or
  // `sed -i`) has replaced it, and misses every later in-place save of it.
  // Links are not followed: a link loop among the seeds would make chokidar throw and end `serve`
  // (a build skips it with a warning).
  const watcher = watch(watched, { ignoreInitial: true, followSymlinks: false })
    .on("all", (_event, file) => {
      changed.add(path.relative(process.cwd(), file) || file);
      if (server !== null) queue.trigger();
    })
    .on("error", (error: unknown) =>
      console.error(`warning: watching for changes: ${error instanceof Error ? error.message : String(error)}`),
    );
  await new Promise((resolve) => watcher.once("ready", resolve));
  console.log(`watching ${watched.map((w) => path.relative(process.cwd(), w) || ".").join(", ")} for changes`);
  const first = await buildAndReport(flags, seen).catch((error: unknown) => {
    reportFailure(error);
    return EXIT.failed;
  });
  // A bad flag or setting is not fixed by waiting for edits.
  if (first === EXIT.badFlags) {
    await watcher.close();
    return EXIT.badFlags;
  }
  server = startDevServer({
    dir: path.resolve(flags.build.outDir),
    pathPrefix: normalizeBase(flags.build.base ?? "/"),
    port: flags.port,
    host: flags.host,
  });
  if (changed.size > 0) queue.trigger();
  return {
    idle: () => queue.idle(),
    stop: async () => {
      await watcher.close();
      await queue.idle();
      await server.close();
    },
  };
}

// The server and the watcher keep the process running once `serveMain` has returned.
await runIfMain(import.meta.url, async (argv) => {
  const outcome = await serveMain(argv);
  return typeof outcome === "number" ? outcome : 0;
});
