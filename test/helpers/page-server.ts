// A plain node:http server on 127.0.0.1 (port 0) for the tests that drive the real HTTP client (src/fetch)
// at it. Idle keep-alive sockets outlive the test: with Node's 5 s default, a loaded machine lets the
// server close one just as the client reuses it (ECONNRESET: a network error where none is meant).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient, type ClosableHttpClient } from "../../src/fetch/http.js";

export interface PageServer {
  server: http.Server;
  port: number;
  /** e.g. "http://127.0.0.1:41234" (no trailing slash). */
  base: string;
  /** Stops it, ending the connections a route still holds (a stall). */
  close(): Promise<void>;
}

export async function startPageServer(handler: http.RequestListener): Promise<PageServer> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, port, base: `http://127.0.0.1:${port}`, close };
}

/**
 * A client with 200 ms header and body timeouts, for routes that never answer (or never finish): they end
 * at its timeout however loaded the machine is. The tests' other requests go through clients with their own
 * timeouts (seconds), which no load makes a loopback answer reach.
 */
export function impatientClient(server: PageServer): ClosableHttpClient {
  return createHttpClient({ allowedPrivateHosts: [`127.0.0.1:${server.port}`], headersTimeoutMs: 200, bodyTimeoutMs: 200 });
}
