// The Serper provider against its fixture: the request, organic results as hits, its own errors.
// What every provider does is in test/contracts/provider.contract.test.ts.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { SerperProvider } from "../../../src/sources/serper.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { SERPER_TEST_KEY, serperErrors, startSerperServer } from "../../fixtures/servers/serper.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../../helpers/providers.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("SerperProvider", () => {
  let server: FixtureServer;
  before(async () => (server = await startSerperServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const provider = (apiKey = SERPER_TEST_KEY) =>
    new SerperProvider({ http, apiKey, baseUrl: server.url, limiter: null, sleep: recordingSleep().sleep });

  it("POSTs /search with X-API-KEY and {q, num, hl}", async () => {
    await provider().search(searchRequest("Great Wall", { limit: 7, language: "de-DE" }), never());
    const req = server.last();
    assert.equal(req.method, "POST");
    assert.equal(req.path, "/search");
    assert.equal(req.headers["x-api-key"], SERPER_TEST_KEY);
    assert.deepEqual(req.json, { q: "Great Wall", num: 7, hl: "de" });
  });

  it("maps organic results in position order; absolute dates kept, relative ones dropped", async () => {
    const hits = await provider().search(searchRequest("Great Wall"), never());
    assert.deepEqual(
      hits.map((h) => h.url),
      [
        "https://www.nasa.example/earth/great-wall-from-space",
        "https://news.example.org/science/great-wall-myth",
        "https://travel.example.com/china/great-wall",
      ],
    );
    assert.equal(hits[0]!.provider, "serper");
    assert.equal(hits[0]!.publishedAt, "2023-05-17T00:00:00.000Z");
    assert.equal(hits[1]!.publishedAt, null, '"3 days ago" is not turned into a date');
    assert.equal(hits[0]!.publisher, "nasa.example");
    assert.equal(hits[0]!.text, undefined);
  });

  it("reports running out of credits", async () => {
    server.script(serperErrors.noCredits);
    const error = await rejection(provider().search(searchRequest("Great Wall"), never()));
    assertProviderError(error, { provider: "serper", kind: "http", message: /^serper: HTTP 400 \(Not enough credits\)$/ });
  });

  it("sends a recency window as tbs (qdr:w for a week)", async () => {
    await provider().search(searchRequest("Great Wall", { maxAgeDays: 7 }), never());
    assert.equal((server.last().json as Record<string, unknown>).tbs, "qdr:w");
  });
});
