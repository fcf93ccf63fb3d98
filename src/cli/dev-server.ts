/**
 * Eleventy's dev server (live reload included), bound to one host (the
 * loopback by default: it serves files from this machine) and answering a
 * request it cannot map to a file inside the site with 400, where it would
 * otherwise throw and end the process. On the loopback it answers only
 * requests for a local host name (a page elsewhere whose name is made to
 * resolve to 127.0.0.1 cannot read it), and it never follows a link out of
 * the site.
 */
import { realpath, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";

export interface DevServerOptions {
  dir: string;
  pathPrefix: string;
  port: number;
  host: string;
}

export function startDevServer(options: DevServerOptions): EleventyDevServer {
  const server = EleventyDevServer.getServer("ppp-archive", options.dir, {
    pathPrefix: options.pathPrefix,
    domDiff: false,
    showVersion: false,
  });
  const handle = server.onRequestHandler.bind(server);
  // Replaced before `serve` creates the HTTP server, which binds these two.
  server.onRequestHandler = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const problem = badRequest(request.url ?? "/") ?? badHost(request.headers.host, options.host);
    if (problem !== null) return answer(response, 400, problem);
    if (await leavesSite(options.dir, options.pathPrefix, request.url ?? "/"))
      return answer(response, 404, "not found");
    try {
      await handle(request, response);
    } catch (error) {
      answer(response, 400, error instanceof Error ? error.message : String(error));
    }
  };
  server._serverListen = (port: number): void => {
    server.server.listen({ port, host: options.host });
  };
  server.serve(options.port);
  return server;
}

/** Why a request URL cannot name a file of the site, or null when it may. */
function badRequest(url: string): string | null {
  const pathname = url.split(/[?#]/u)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "the URL's percent-encoding is malformed";
  }
  if (decoded.includes("\0") || decoded.split(/[/\\]/u).includes("..")) return "the path leaves the site";
  return null;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/u;

/** Why the Host header is refused: on the loopback, only local names are answered. */
function badHost(header: string | undefined, listening: string): string | null {
  if (!LOOPBACK.test(listening)) return null;
  const name = (header ?? "").replace(/:\d+$/u, "").toLowerCase();
  return LOOPBACK.test(name) ? null : `this server answers localhost only, not ${name || "a request without a Host"}`;
}

/** Whether the file a URL names (or a folder's index.html) is, by its real path, outside the site. */
async function leavesSite(dir: string, pathPrefix: string, url: string): Promise<boolean> {
  const pathname = decodeURIComponent(url.split(/[?#]/u)[0] ?? "/");
  if (!pathname.startsWith(pathPrefix)) return false;
  const root = await realpath(dir).catch(() => null);
  if (root === null) return false;
  const named = path.join(root, pathname.slice(pathPrefix.length));
  for (const candidate of [named, path.join(named, "index.html")]) {
    const real = await realpath(candidate).catch(() => null);
    if (real !== null && real !== root && !real.startsWith(`${root}${path.sep}`)) return true;
    if (real === null || !(await stat(real)).isDirectory()) break;
  }
  return false;
}

function answer(response: ServerResponse, status: number, reason: string): void {
  if (!response.headersSent) {
    response.statusCode = status;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
  }
  response.end(`${status} ${status === 404 ? "Not Found" : "Bad Request"}: ${reason}\n`);
}
