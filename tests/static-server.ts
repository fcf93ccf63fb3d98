/** Serves a built site on 127.0.0.1 for browser tests, under its base path like a real host. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

export async function serveSite(dir: string, base = "/"): Promise<StaticServer> {
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? "/";
    const notFound = (): void => {
      response.statusCode = 404;
      request.url = "/404.html";
      files(request, response, () => {
        response.end("not found");
      });
    };
    if (!url.startsWith(base)) return notFound();
    request.url = `/${url.slice(base.length)}`;
    files(request, response, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
