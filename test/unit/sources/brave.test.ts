// The Brave Search provider against its fixture: the request, web results as hits, its own errors.
// What every provider does is in test/contracts/provider.contract.test.ts.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { BraveProvider } from "../../../src/sources/brave.js";
import { BRAVE_TEST_KEY, braveErrors, startBraveServer } from "../../fixtures/servers/brave.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../../helpers/providers.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("BraveProvider", () => {
  let server: FixtureServer;
  before(async () => (server = await startBraveServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const provider = (apiKey = BRAVE_TEST_KEY, sleep = recordingSleep().sleep) =>
    new BraveProvider({ http, apiKey, baseUrl: server.url, limiter: null, sleep });

  it("sends GET /res/v1/web/search with q, count, search_lang and the X-Subscription-Token header", async () => {
    await provider().search(searchRequest("Great Wall from space", { limit: 3 }), never());
    const req = server.last();
    assert.equal(req.method, "GET");
    assert.equal(req.path, "/res/v1/web/search");
    assert.equal(req.query.q, "Great Wall from space");
    assert.equal(req.query.count, "3");
    assert.equal(req.query.search_lang, "en");
    assert.equal(req.query.text_decorations, "false");
    assert.equal(req.headers["x-subscription-token"], BRAVE_TEST_KEY);
    assert.equal(req.headers.accept, "application/json");
  });

  it("maps Brave's language codes (Japanese is jp)", async () => {
    await provider().search(searchRequest("Great Wall", { language: "ja" }), never());
    assert.equal(server.last().query.search_lang, "jp");
    await provider().search(searchRequest("Great Wall", { language: "und" }), never());
    assert.equal(server.last().query.search_lang, undefined, "no language preference rather than an invalid one");
  });

  it("maps web.results: site name, page_age as ISO date, no text (the page gets fetched), rank score", async () => {
    const hits = await provider().search(searchRequest("Great Wall"), never());
    assert.equal(hits.length, 3);
    const first = hits[0]!;
    assert.equal(first.provider, "brave");
    assert.equal(first.url, "https://www.nasa.example/earth/great-wall-from-space");
    assert.equal(first.title, "Is the Great Wall of China visible from space?");
    assert.equal(first.publisher, "NASA Earth Observatory");
    assert.equal(first.publishedAt, "2023-05-17T06:30:00.000Z");
    assert.match(first.snippet!, /^Astronauts say/);
    assert.equal(first.text, undefined);
    assert.equal(first.score, 1);
    assert.equal(hits[1]!.score, 0.5);
    assert.equal(hits[1]!.snippet, "Why the Great Wall myth persists.", "markup stripped");
    assert.equal(hits[2]!.publishedAt, null);
  });

  it("reports a 401 as an invalid key", async () => {
    server.script({ status: 401, body: "" });
    const error = await rejection(provider().search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "brave",
      kind: "auth",
      message: /^brave: HTTP 401 \(invalid API key\)$/,
      secret: BRAVE_TEST_KEY,
    });
  });

  it("waits for X-RateLimit-Reset after a 429 RATE_LIMITED, then succeeds", async () => {
    const { sleep, calls } = recordingSleep();
    server.script(braveErrors.rateLimited(1));
    const hits = await provider(BRAVE_TEST_KEY, sleep).search(searchRequest("Great Wall"), never());
    assert.equal(hits.length, 3);
    assert.deepEqual(calls, [1000]);
    assert.equal(server.requests.length, 2);
  });

  it("fails at once when the monthly quota is used up (Retry-After far beyond the cap)", async () => {
    const { sleep, calls } = recordingSleep();
    server.script(braveErrors.quotaLimited);
    const error = await rejection(provider(BRAVE_TEST_KEY, sleep).search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "brave",
      kind: "rate_limit",
      message: /^brave: HTTP 429 \(Request quota limit exceeded for plan\.\) \(retry after 1419704s\)$/,
    });
    assert.deepEqual(calls, []);
    assert.equal(server.requests.length, 1);
  });

  it("sends a recency window as freshness (pw for a week), and none for a question about no particular time", async () => {
    await provider().search(searchRequest("Great Wall", { maxAgeDays: 7 }), never());
    assert.equal(server.last().query.freshness, "pw");
    await provider().search(searchRequest("Great Wall"), never());
    assert.equal(server.last().query.freshness, undefined, "no window for a question about no particular time");
  });
});
