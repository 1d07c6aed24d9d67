// The HTTP client against loopback fixture servers (allowlisted): headers, size cap, timeouts,
// redirects, per-host concurrency, the page cache. Outcomes are asserted, never timings.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { openStore, type Store } from "../../../src/store/db.js";
import { HttpCacheRepository } from "../../../src/store/http-cache.js";
import { parseRetryAfter } from "../../../src/fetch/headers.js";
import { createHttpClient, DEFAULT_USER_AGENT, type ClosableHttpClient } from "../../../src/fetch/http.js";
import { isHttpError } from "../../helpers/assertions.js";
import { impatientClient, startPageServer, type PageServer } from "../../helpers/page-server.js";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("createHttpClient", () => {
  let server: PageServer;
  let base: string;
  let port: number;
  let closedPort: number;
  let client: ClosableHttpClient;
  let impatient: ClosableHttpClient;
  let store: Store;
  let dataDir: string;
  let cache: HttpCacheRepository;

  const seen = new Map<string, http.IncomingHttpHeaders[]>();
  let active = 0;
  let maxActive = 0;
  let counts = { etag200: 0, etag304: 0, lm200: 0, lm304: 0 };

  before(async () => {
    server = await startPageServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://fixture");
      const list = seen.get(url.pathname) ?? [];
      list.push(req.headers);
      seen.set(url.pathname, list);
      void route(url, req, res);
    });
    ({ port, base } = server);

    // A port nothing listens on (allowlisted, so the failure is the connection's).
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    dataDir = await mkdtemp(path.join(os.tmpdir(), "verity-http-"));
    store = await openStore({ dataDir });
    cache = new HttpCacheRepository(store);
    // The client's own timeouts (5 s to connect, 10 s for headers, 15 s between body chunks), which no load makes a
    // loopback answer reach: only the stall tests, with a client of their own, are about timeouts.
    client = createHttpClient({
      allowedPrivateHosts: [`127.0.0.1:${port}`, `127.0.0.1:${closedPort}`],
      maxBytes: 64 * 1024,
      maxRedirects: 3,
      perHostConcurrency: 2,
      cache,
    });
    impatient = impatientClient(server); // for the stall routes
  });

  after(async () => {
    await client?.close();
    await impatient?.close();
    await server?.close();
    await store?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function route(url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const p = url.pathname;
    if (p === "/echo") {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("etag", '"echo"');
      res.end(JSON.stringify({ method: req.method, ua: req.headers["user-agent"], body, inm: req.headers["if-none-match"] ?? null }));
    } else if (p === "/big") {
      res.setHeader("content-length", String(100 * 1024));
      res.end(Buffer.alloc(100 * 1024, 0x61));
    } else if (p === "/big-chunked") {
      // No content-length: the cap must be enforced while streaming.
      for (let i = 0; i < 100; i++) {
        if (!res.write(Buffer.alloc(1024, 0x62))) await new Promise((resolve) => res.once("drain", resolve));
      }
      res.end();
    } else if (p === "/gzip") {
      res.setHeader("content-encoding", "gzip");
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(zlib.gzipSync("compressed hello"));
    } else if (p === "/gzip-bomb") {
      res.setHeader("content-encoding", "gzip");
      res.end(zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 0))); // ~5 KB on the wire, 5 MB inflated
    } else if (p === "/stall-headers") {
      // Never answers: the header timeout fires.
    } else if (p === "/stall-body") {
      res.writeHead(200, { "content-type": "text/plain", "content-length": "100" });
      res.write("partial");
      // ... and nothing more: the body timeout fires.
    } else if (p.startsWith("/redirect/")) {
      const n = Number(p.slice("/redirect/".length));
      res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/redirect/${n - 1}` } : { "content-type": "text/plain" });
      res.end(n > 0 ? "" : "arrived");
    } else if (p === "/see-other") {
      res.writeHead(303, { location: "/echo" });
      res.end();
    } else if (p === "/concurrent") {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(60);
      active--;
      res.end("done");
    } else if (p === "/etag") {
      if (req.headers["if-none-match"] === '"v1"') {
        counts.etag304++;
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else {
        counts.etag200++;
        res.writeHead(200, { etag: '"v1"', "content-type": "text/plain; charset=utf-8" });
        res.end("etag body v1");
      }
    } else if (p === "/lastmod") {
      const stamp = "Wed, 21 Oct 2015 07:28:00 GMT";
      if (req.headers["if-modified-since"] === stamp) {
        counts.lm304++;
        res.writeHead(304);
        res.end();
      } else {
        counts.lm200++;
        res.writeHead(200, { "last-modified": stamp, "content-type": "text/plain" });
        res.end("last-modified body");
      }
    } else if (p === "/no-store") {
      res.writeHead(200, { etag: '"ns"', "cache-control": "no-store" });
      res.end("private");
    } else if (p === "/status") {
      const code = Number(url.searchParams.get("code") ?? "500");
      const headers: Record<string, string> = {};
      if (url.searchParams.get("retry")) headers["retry-after"] = url.searchParams.get("retry")!;
      res.writeHead(code, headers);
      res.end(`status ${code}`);
    } else {
      res.writeHead(404);
      res.end("not found");
    }
  }

  it("sends its User-Agent and reads the body", async () => {
    const res = await client.request({ url: `${base}/echo` });
    assert.equal(res.status, 200);
    assert.equal(res.fromCache, false);
    assert.equal(res.url, `${base}/echo`);
    const body = res.json() as { ua: string; method: string };
    assert.equal(body.ua, DEFAULT_USER_AGENT);
    assert.equal(body.method, "GET");
    assert.match(res.headers["content-type"] ?? "", /application\/json/);
  });

  it("sends a POST body", async () => {
    const res = await client.request({
      url: `${base}/echo`,
      method: "POST",
      body: "a=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.deepEqual((res.json() as { method: string; body: string }).body, "a=1");
  });

  it("resolves HTTP error statuses instead of rejecting, and parses Retry-After", async () => {
    const notFound = await client.request({ url: `${base}/status?code=404` });
    assert.equal(notFound.status, 404);
    assert.equal(notFound.text(), "status 404");
    const busy = await client.request({ url: `${base}/status?code=503&retry=120` });
    assert.equal(busy.status, 503);
    assert.equal(parseRetryAfter(busy.headers["retry-after"]), 120);
  });

  it("decodes gzip bodies", async () => {
    const res = await client.request({ url: `${base}/gzip` });
    assert.equal(res.text(), "compressed hello");
    assert.equal(res.headers["content-encoding"], undefined);
  });

  it("refuses a body over the cap (declared, streamed, and after decompression)", async () => {
    await assert.rejects(client.request({ url: `${base}/big` }), isHttpError("too_large"));
    await assert.rejects(client.request({ url: `${base}/big-chunked` }), isHttpError("too_large"));
    await assert.rejects(client.request({ url: `${base}/gzip-bomb` }), isHttpError("too_large"));
    // A per-request cap overrides the client's.
    const res = await client.request({ url: `${base}/big`, maxBytes: 200 * 1024 });
    assert.equal(res.body.byteLength, 100 * 1024);
    await assert.rejects(client.request({ url: `${base}/gzip`, maxBytes: 4 }), isHttpError("too_large"));
  });

  it("times out when the headers never come", async () => {
    await assert.rejects(impatient.request({ url: `${base}/stall-headers` }), isHttpError("timeout"));
  });

  it("times out when the body stalls", async () => {
    await assert.rejects(impatient.request({ url: `${base}/stall-body` }), isHttpError("timeout"));
  });

  it("honours a whole-request timeout", async () => {
    const patient = createHttpClient({ allowedPrivateHosts: [`127.0.0.1:${port}`], headersTimeoutMs: 10_000 });
    try {
      await assert.rejects(patient.request({ url: `${base}/stall-headers`, timeoutMs: 100 }), isHttpError("timeout"));
    } finally {
      await patient.close();
    }
  });

  it("reports a refused connection as a network error", async () => {
    await assert.rejects(client.request({ url: `http://127.0.0.1:${closedPort}/` }), isHttpError("network"));
  });

  it("follows redirects up to the limit, and no further", async () => {
    const res = await client.request({ url: `${base}/redirect/3` });
    assert.equal(res.status, 200);
    assert.equal(res.text(), "arrived");
    assert.equal(res.url, `${base}/redirect/0`);
    await assert.rejects(client.request({ url: `${base}/redirect/4` }), isHttpError("too_many_redirects"));
  });

  it("turns a POST into a GET on 303 See Other", async () => {
    const res = await client.request({ url: `${base}/see-other`, method: "POST", body: "x" });
    const body = res.json() as { method: string; body: string };
    assert.equal(body.method, "GET");
    assert.equal(body.body, "");
  });

  it("keeps at most perHostConcurrency requests in flight per host", async () => {
    maxActive = 0;
    const results = await Promise.all(Array.from({ length: 8 }, () => client.request({ url: `${base}/concurrent` })));
    assert.ok(results.every((r) => r.text() === "done"));
    assert.ok(maxActive >= 1);
    assert.ok(maxActive <= 2, `saw ${maxActive} concurrent requests`);
  });

  it("revalidates a cached page with If-None-Match and serves the body on 304", async () => {
    counts = { etag200: 0, etag304: 0, lm200: 0, lm304: 0 };
    seen.delete("/etag");
    const first = await client.request({ url: `${base}/etag`, cache: true });
    assert.equal(first.fromCache, false);
    assert.equal(first.text(), "etag body v1");
    const second = await client.request({ url: `${base}/etag`, cache: true });
    assert.equal(second.fromCache, true);
    assert.equal(second.status, 200);
    assert.equal(second.text(), "etag body v1");
    assert.equal(second.url, `${base}/etag`);
    assert.deepEqual(counts, { etag200: 1, etag304: 1, lm200: 0, lm304: 0 });
    const headers = seen.get("/etag")!;
    assert.equal(headers[0]!["if-none-match"], undefined);
    assert.equal(headers[1]!["if-none-match"], '"v1"');
    // Without cache: true, nothing is sent and nothing is served from the cache.
    const plain = await client.request({ url: `${base}/etag` });
    assert.equal(plain.fromCache, false);
    assert.equal(headers[2]!["if-none-match"], undefined);
  });

  it("revalidates with If-Modified-Since", async () => {
    counts = { etag200: 0, etag304: 0, lm200: 0, lm304: 0 };
    const first = await client.request({ url: `${base}/lastmod`, cache: true });
    assert.equal(first.fromCache, false);
    const second = await client.request({ url: `${base}/lastmod`, cache: true });
    assert.equal(second.fromCache, true);
    assert.equal(second.text(), "last-modified body");
    assert.equal(counts.lm200, 1);
    assert.equal(counts.lm304, 1);
    const stored = await cache.get(`${base}/lastmod`);
    assert.equal(stored?.lastModified, "Wed, 21 Oct 2015 07:28:00 GMT");
    assert.equal(Buffer.from(stored!.body).toString(), "last-modified body");
  });

  it("does not cache POST requests, nor responses marked no-store", async () => {
    seen.delete("/echo");
    await client.request({ url: `${base}/echo`, method: "POST", body: "one", cache: true });
    await client.request({ url: `${base}/echo`, method: "POST", body: "two", cache: true });
    assert.equal(await cache.get(`${base}/echo`), null);
    const posts = seen.get("/echo")!;
    assert.equal(posts[1]!["if-none-match"], undefined);

    await client.request({ url: `${base}/no-store`, cache: true });
    assert.equal(await cache.get(`${base}/no-store`), null);
  });

  it("does not cache error statuses", async () => {
    await client.request({ url: `${base}/status?code=500`, cache: true });
    assert.equal(await cache.get(`${base}/status?code=500`), null);
  });
});

describe("the operator's endpoints", () => {
  let server: PageServer;
  let base: string;
  let other: PageServer;
  let otherBase: string;
  let client: ClosableHttpClient;

  before(async () => {
    other = await startPageServer((_req, res) => res.end("internal"));
    otherBase = other.base;
    server = await startPageServer((req, res) => {
      if (req.url === "/away") res.writeHead(302, { location: `${otherBase}/` }).end();
      else if (req.url === "/here") res.writeHead(302, { location: "/search" }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end('{"results":[]}');
    });
    base = server.base;
    client = createHttpClient({ operatorHosts: [new URL(base).host] });
  });
  after(async () => {
    await client.close();
    await server.close();
    await other.close();
  });

  it("reaches a configured endpoint on loopback, for requests marked as going to it", async () => {
    const res = await client.request({ url: `${base}/search?q=x`, operatorEndpoint: true });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { results: [] });
    assert.equal((await client.request({ url: `${base}/here`, operatorEndpoint: true })).status, 200, "a redirect within the endpoint");
  });

  it("refuses the same address to any other request: a user's link or a page's", async () => {
    await assert.rejects(client.request({ url: `${base}/search?q=x` }), isHttpError("forbidden_address"));
    await assert.rejects(client.request({ url: `http://localhost:${new URL(base).port}/` }), isHttpError("forbidden_address"));
  });

  it("refuses other private addresses even to a marked request, redirects included", async () => {
    await assert.rejects(client.request({ url: `${otherBase}/`, operatorEndpoint: true }), isHttpError("forbidden_address"));
    await assert.rejects(client.request({ url: `${base}/away`, operatorEndpoint: true }), isHttpError("forbidden_address"));
    const plain = createHttpClient();
    try {
      await assert.rejects(plain.request({ url: `${base}/search`, operatorEndpoint: true }), isHttpError("forbidden_address"));
    } finally {
      await plain.close();
    }
  });
});
