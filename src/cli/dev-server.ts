/**
 * Eleventy's dev server (live reload included), bound to one host (the
 * loopback by default: it serves files from this machine) and answering a
 * request it cannot map to a file inside the site with 400, where it would
 * otherwise throw and end the process.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
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
    const problem = badRequest(request.url ?? "/");
    if (problem !== null) return answer(response, 400, problem);
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

function answer(response: ServerResponse, status: number, reason: string): void {
  if (!response.headersSent) {
    response.statusCode = status;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
  }
  response.end(`${status} Bad Request: ${reason}\n`);
}
