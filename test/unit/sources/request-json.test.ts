// The shared provider mechanics of requestJson: retries with backoff and jitter, Retry-After, giving
// up, timeouts, network errors, aborts, and waiting for the rate limiter (asserting the sleeps it
// asks for, never wall time).
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { RateLimiter } from "../../../src/domain/rate-limit.js";
import { ProviderError } from "../../../src/sources/provider-error.js";
import { requestJson, type RequestPolicy } from "../../../src/sources/request-json.js";
import { startFixtureServer, type FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("requestJson", () => {
  let server: FixtureServer;
  before(async () => (server = await startFixtureServer(() => ({ body: { ok: true } }))));
  after(() => server.close());
  beforeEach(() => server.reset());

  const policy = (extra: Partial<RequestPolicy> = {}): RequestPolicy & { calls: number[] } => {
    const { sleep, calls } = recordingSleep();
    return { provider: "demo", sleep, random: () => 0, limiter: null, ...extra, calls };
  };

  it("returns the parsed JSON of a 2xx answer", async () => {
    const res = await requestJson(http, { url: `${server.url}/x` }, policy());
    assert.deepEqual(res.data, { ok: true });
    assert.equal(res.status, 200);
    assert.equal(server.last().headers.accept, "application/json");
  });

  it("retries 503 twice with exponential backoff, then succeeds", async () => {
    const p = policy();
    server.failTimes(2, { status: 503, body: "down" });
    const res = await requestJson(http, { url: `${server.url}/x` }, p);
    assert.deepEqual(res.data, { ok: true });
    assert.equal(server.requests.length, 3);
    // base 500 ms, doubling; equal jitter: half fixed, half random (random = 0 here).
    assert.deepEqual(p.calls, [250, 500]);
  });

  it("adds jitter to the backoff", async () => {
    const p = policy({ random: () => 0.5 });
    server.failTimes(2, { status: 500, body: "oops" });
    await requestJson(http, { url: `${server.url}/x` }, p);
    assert.deepEqual(p.calls, [375, 750]);
  });

  it("caps one backoff delay", async () => {
    const p = policy({ baseDelayMs: 5_000, maxDelayMs: 6_000, random: () => 0.999 });
    server.failTimes(2, { status: 502 });
    await requestJson(http, { url: `${server.url}/x` }, p);
    assert.ok(
      p.calls.every((ms) => ms <= 6_000),
      `${p.calls}`,
    );
  });

  it("honours Retry-After (seconds and HTTP date) on 429", async () => {
    const p = policy();
    server.script(
      { status: 429, headers: { "Retry-After": "3" } },
      { status: 429, headers: { "Retry-After": new Date(Date.now() + 20_000).toUTCString() } },
    );
    await requestJson(http, { url: `${server.url}/x` }, p);
    assert.equal(p.calls.length, 2);
    assert.equal(p.calls[0], 3000);
    assert.ok(p.calls[1]! > 10_000 && p.calls[1]! <= 20_000, `an HTTP-date Retry-After about 20 s ahead, got ${p.calls[1]}`);
  });

  it("fails at once when Retry-After is longer than the cap", async () => {
    const p = policy({ maxRetryAfterMs: 10_000 });
    server.script({ status: 429, headers: { "Retry-After": "3600" }, body: { error: { message: "slow down" } } });
    const error = await rejection(requestJson(http, { url: `${server.url}/x` }, p));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.message, "demo: HTTP 429 (slow down) (retry after 3600s)");
    assert.equal(error.kind, "rate_limit");
    assert.deepEqual(p.calls, []);
  });

  it("gives up after max retries with the last status in the message", async () => {
    const p = policy();
    server.failTimes(5, { status: 503, body: { error: { message: "maintenance" } } });
    const error = await rejection(requestJson(http, { url: `${server.url}/x` }, p));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.message, "demo: HTTP 503 (maintenance)");
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(server.requests.length, 3, "the first attempt and two retries");
    assert.equal(p.calls.length, 2);
  });

  it("retries as many times as asked", async () => {
    server.failTimes(5, { status: 503 });
    await rejection(requestJson(http, { url: `${server.url}/x` }, policy({ maxRetries: 0 })));
    assert.equal(server.requests.length, 1);
  });

  it("does not retry other 4xx answers", async () => {
    server.script({ status: 404, body: { message: "no such thing" } });
    const error = await rejection(requestJson(http, { url: `${server.url}/x` }, policy()));
    assert.equal(error.message, "demo: HTTP 404 (no such thing)");
    assert.equal((error as ProviderError).kind, "http");
    assert.equal(server.requests.length, 1);
  });

  it("names 401 and 403 as key problems, and never shows the key", async () => {
    const key = "sk-very-secret-key";
    server.script({ status: 401, body: { error: `bad key ${key}` } });
    const error = await rejection(requestJson(http, { url: `${server.url}/x?key=${key}` }, policy({ secrets: [key] })));
    assert.equal(error.message, "demo: HTTP 401 (bad key ***)");
    assert.equal((error as ProviderError).kind, "auth");
  });

  it("falls back to a plain status text for HTML error pages", async () => {
    server.script({ status: 403, body: "<html><body><h1>Forbidden</h1></body></html>" });
    const error = await rejection(requestJson(http, { url: `${server.url}/x` }, policy()));
    assert.equal(error.message, "demo: HTTP 403 (access denied)");
  });

  it("rejects a 200 answer that is not JSON", async () => {
    server.script({ status: 200, body: "<html>surprise</html>" });
    const error = await rejection(requestJson(http, { url: `${server.url}/x` }, policy()));
    assert.equal(error.message, "demo: the response is not valid JSON");
    assert.equal((error as ProviderError).kind, "bad_response");
  });

  it("times a slow answer out, as a retryable timeout", async () => {
    server.script({ delayMs: 5_000, body: { late: true } });
    const error = await rejection(requestJson(http, { url: `${server.url}/x` }, policy({ timeoutMs: 50, maxRetries: 0 })));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, "timeout");
    assert.match(error.message, /^demo: timed out after/);
    assert.equal(error.retryable, true);
  });

  it("retries network errors, then reports them", async () => {
    const gone = await startFixtureServer(() => ({}));
    const url = `${gone.url}/x`;
    await gone.close();
    const p = policy();
    const error = await rejection(requestJson(http, { url }, p));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, "network");
    assert.match(error.message, /^demo: network error/);
    assert.equal(p.calls.length, 2);
  });

  it("passes the caller's abort through untouched and does not retry", async () => {
    const controller = new AbortController();
    const reason = new Error("check cancelled");
    // The caller gives up once the server holds the request, which it does not answer: an event, not a race.
    const holding = await startFixtureServer(() => {
      controller.abort(reason);
      return { delayMs: 600_000 };
    });
    try {
      assert.equal(await rejection(requestJson(http, { url: `${holding.url}/x`, signal: controller.signal }, policy())), reason);
      assert.equal(holding.requests.length, 1);
    } finally {
      await holding.close();
    }
  });

  it("waits for the rate limiter before each attempt", async () => {
    const limiter = new RateLimiter({ perSecond: 4, now: () => 0 });
    const p = policy({ limiter });
    for (let i = 0; i < 3; i++) await requestJson(http, { url: `${server.url}/x` }, p);
    assert.deepEqual(p.calls, [250, 500]);
  });
});
