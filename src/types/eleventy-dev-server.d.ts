/** The parts of @11ty/eleventy-dev-server's untyped API this project uses. */
declare module "@11ty/eleventy-dev-server" {
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
  }
}
