// The SearXNG provider against its fixture: the request under the instance's path, results as hits, its own errors.
// What every provider does is in test/contracts/provider.contract.test.ts.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { SearxngProvider } from "../../../src/sources/searxng.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { startSearxngServer } from "../../fixtures/servers/searxng.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../../helpers/providers.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("SearxngProvider", () => {
  let server: FixtureServer;
  let locked: FixtureServer;
  before(async () => {
    server = await startSearxngServer({ prefix: "/searx" });
    locked = await startSearxngServer({ jsonDisabled: true });
  });
  after(async () => {
    await server.close();
    await locked.close();
  });
  beforeEach(() => server.reset());

  it("GETs {SEARXNG_URL}/search with q, format=json and the language, under the instance's path", async () => {
    const { sleep } = recordingSleep();
    await new SearxngProvider({ http, baseUrl: `${server.url}/searx/`, limiter: null, sleep }).search(
      searchRequest("Great Wall", { language: "en-GB" }),
      never(),
    );
    const req = server.last();
    assert.equal(req.path, "/searx/search");
    assert.equal(req.query.q, "Great Wall");
    assert.equal(req.query.format, "json");
    assert.equal(req.query.language, "en-GB");
  });

  it("maps results: publishedDate to ISO, hostname as publisher, no text", async () => {
    const hits = await new SearxngProvider({ http, baseUrl: `${server.url}/searx`, limiter: null }).search(
      searchRequest("Great Wall", { limit: 2 }),
      never(),
    );
    assert.equal(hits.length, 2);
    assert.equal(hits[0]!.provider, "searxng");
    assert.equal(hits[0]!.publishedAt, "2023-05-17T06:30:00.000Z");
    assert.equal(hits[0]!.publisher, "nasa.example");
    assert.equal(hits[0]!.text, undefined);
  });

  it("explains a 403 (json format not enabled on the instance)", async () => {
    const error = await rejection(
      new SearxngProvider({ http, baseUrl: locked.url, limiter: null }).search(searchRequest("Great Wall"), never()),
    );
    assertProviderError(error, {
      provider: "searxng",
      kind: "http",
      message: /^searxng: HTTP 403 \(forbidden: is the json format enabled/,
    });
  });

  it("sends a recency window as time_range (a week)", async () => {
    await new SearxngProvider({ http, baseUrl: `${server.url}/searx`, limiter: null }).search(
      searchRequest("Great Wall", { maxAgeDays: 7 }),
      never(),
    );
    assert.equal(server.last().query.time_range, "week");
  });
});
