// The Wikipedia provider against a MediaWiki fixture: what it asks for and how articles become hits.
// What every provider does is in test/contracts/provider.contract.test.ts.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { WikipediaProvider } from "../../../src/sources/wikipedia.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { SAMPLE_ARTICLES, mediaWikiErrors, startWikipediaServer } from "../../fixtures/servers/wikipedia.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../../helpers/providers.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("WikipediaProvider", () => {
  let server: FixtureServer;
  before(async () => (server = await startWikipediaServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const provider = (extra: Partial<ConstructorParameters<typeof WikipediaProvider>[0]> = {}) =>
    new WikipediaProvider({ http, baseUrl: `${server.url}/{lang}/w/api.php`, limiter: null, ...extra });

  it("searches the wiki of the request's language with format=json and formatversion=2", async () => {
    await provider().search(searchRequest("Great Wall visible from the Moon"), never());
    const search = server.requests[0]!;
    assert.equal(search.path, "/en/w/api.php");
    assert.equal(search.query.action, "query");
    assert.equal(search.query.list, "search");
    assert.equal(search.query.srsearch, "Great Wall visible from the Moon");
    assert.equal(search.query.srnamespace, "0");
    assert.equal(search.query.format, "json");
    assert.equal(search.query.formatversion, "2");
    assert.match(search.headers["api-user-agent"] ?? "", /^Verity\//);
  });

  it("returns each article's plain text, its canonical URL and the search snippet without markup", async () => {
    const hits = await provider().search(searchRequest("Great Wall visible from the Moon"), never());
    assert.deepEqual(
      hits.map((h) => h.title),
      ["Great Wall of China", "Moon"],
      "the disambiguation page is skipped",
    );
    const wall = hits[0]!;
    assert.equal(wall.provider, "wikipedia");
    assert.equal(wall.url, "https://en.wikipedia.org/wiki/Great_Wall_of_China");
    assert.equal(wall.publisher, "Wikipedia");
    assert.equal(wall.text, SAMPLE_ARTICLES[0]!.extract);
    assert.ok(wall.snippet && !wall.snippet.includes("<") && !wall.snippet.includes("&quot;"));
    assert.match(wall.snippet, /Great Wall of China is a series of fortifications/);
    assert.ok(wall.score > hits[1]!.score);
  });

  it("fetches the extracts with explaintext and follows excontinue (one whole article per request)", async () => {
    await provider().search(searchRequest("Great Wall visible from the Moon"), never());
    const extracts = server.requests.slice(1);
    assert.equal(extracts.length, 3, "one request per article, as TextExtracts allows");
    for (const req of extracts) {
      assert.equal(req.query.prop, "extracts|pageprops");
      assert.equal(req.query.explaintext, "1");
      assert.equal(req.query.redirects, "1");
      assert.equal(req.query.pageids, "18426501|5043734|19331");
    }
    assert.equal(extracts[0]!.query.excontinue, undefined);
    assert.equal(extracts[1]!.query.excontinue, "1");
    assert.equal(extracts[2]!.query.excontinue, "2");
  });

  it("uses the wiki of the request's language and builds that wiki's article URLs", async () => {
    const hits = await provider().search(searchRequest("Grande Muraille", { language: "fr-FR" }), never());
    assert.equal(server.requests[0]!.path, "/fr/w/api.php");
    assert.equal(hits[0]!.url, "https://fr.wikipedia.org/wiki/Grande_Muraille");
    await provider().search(searchRequest("Moon", { language: "und" }), never());
    assert.equal(server.last().path, "/en/w/api.php", "an undetermined language falls back to English");
  });

  it("caps the article text", async () => {
    const hits = await provider({ maxTextChars: 40 }).search(searchRequest("Great Wall of China"), never());
    assert.equal(hits[0]!.text!.length, 40);
  });

  it("returns nothing when the search finds nothing", async () => {
    assert.deepEqual(await provider().search(searchRequest("zzzz qqqq"), never()), []);
    assert.equal(server.requests.length, 1);
  });

  it("turns MediaWiki's error-in-a-200 answer into a ProviderError", async () => {
    server.script(mediaWikiErrors.missingParam("srsearch"));
    const error = await rejection(provider().search(searchRequest("Moon"), never()));
    assertProviderError(error, {
      provider: "wikipedia",
      kind: "api",
      message: /^wikipedia: API error missingparam \(The "srsearch" parameter must be set\.\)$/,
    });
  });
});
