// A local HTTP server on 127.0.0.1 that serves test pages and records every request it receives.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface PageServer {
  port: number;
  base: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startPageServer(routes: Record<string, Route>): Promise<PageServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
      return;
    }
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const html =
  (body: string | Buffer, type = "text/html; charset=utf-8"): Route =>
  (_req, res) => {
    res.writeHead(200, { "content-type": type }).end(body);
  };
