/** The parts of @11ty/eleventy-dev-server's untyped API this project uses. */
declare module "@11ty/eleventy-dev-server" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  export interface DevServerOptions {
    pathPrefix?: string;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    reload(event?: Record<string, never>): void;
    close(): Promise<void>;
    /** The HTTP server, created on first use with `onRequestHandler`. */
    readonly server: Server;
    onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void>;
    /** Starts listening; the server's own takes a port only. */
    _serverListen(port: number): void;
  }
}
