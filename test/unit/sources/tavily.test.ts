// The Tavily provider against its fixture: the request, results as hits, its own errors.
// What every provider does is in test/contracts/provider.contract.test.ts.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { TavilyProvider } from "../../../src/sources/tavily.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { TAVILY_TEST_KEY, tavilyErrors, startTavilyServer } from "../../fixtures/servers/tavily.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../../helpers/providers.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("TavilyProvider", () => {
  let server: FixtureServer;
  before(async () => (server = await startTavilyServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const provider = (apiKey = TAVILY_TEST_KEY, extra: { includeRawContent?: boolean } = {}) =>
    new TavilyProvider({ http, apiKey, baseUrl: server.url, limiter: null, sleep: recordingSleep().sleep, ...extra });

  it("POSTs /search with a JSON body and the key as a Bearer token", async () => {
    await provider().search(searchRequest("Great Wall", { limit: 4 }), never());
    const req = server.last();
    assert.equal(req.method, "POST");
    assert.equal(req.path, "/search");
    assert.equal(req.headers.authorization, `Bearer ${TAVILY_TEST_KEY}`);
    assert.match(req.headers["content-type"] ?? "", /application\/json/);
    const body = req.json as Record<string, unknown>;
    assert.equal(body.query, "Great Wall");
    assert.equal(body.max_results, 4);
    assert.equal(body.search_depth, "basic");
    assert.equal(body.include_raw_content, true);
    assert.equal(body.api_key, undefined, "the key is not in the body");
  });

  it("keeps raw_content as the text only when it is longer than 500 characters", async () => {
    const hits = await provider().search(searchRequest("Great Wall"), never());
    assert.equal(hits.length, 3);
    assert.equal(hits[0]!.provider, "tavily");
    assert.ok(hits[0]!.text && hits[0]!.text.length > 500);
    assert.equal(hits[1]!.text, undefined, "a short raw_content is not a page text");
    assert.equal(
      hits[0]!.snippet,
      "Astronauts say the Great Wall of China is very hard to see from low Earth orbit, and impossible from the Moon.",
    );
    assert.equal(hits[0]!.publisher, "nasa.example");
    assert.deepEqual(
      hits.map((h) => h.score),
      [1, 0.5, 1 / 3],
    );
  });

  it("leaves text undefined when raw content is not asked for", async () => {
    const hits = await provider(TAVILY_TEST_KEY, { includeRawContent: false }).search(searchRequest("Great Wall"), never());
    assert.ok(hits.every((h) => h.text === undefined));
  });

  it("does not retry a 432 plan limit", async () => {
    server.script(tavilyErrors.planLimit);
    const error = await rejection(provider().search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "tavily",
      kind: "http",
      message: /^tavily: HTTP 432 \(This request exceeds your plan's set usage limit/,
    });
    assert.equal(server.requests.length, 1);
  });

  it("sends a recency window as time_range (a week)", async () => {
    await provider().search(searchRequest("Great Wall", { maxAgeDays: 7 }), never());
    assert.equal((server.last().json as Record<string, unknown>).time_range, "week");
  });
});
