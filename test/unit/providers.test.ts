// Every source provider against its API's fixture server: the request it sends (path, parameters,
// key header, language), how the documented response maps to hits, and how error answers become
// short ProviderErrors that never contain the key.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { BraveProvider } from "../../src/sources/brave.js";
import { GoogleFactCheckProvider } from "../../src/sources/factcheck-google.js";
import { SearxngProvider } from "../../src/sources/searxng.js";
import { SerperProvider } from "../../src/sources/serper.js";
import { TavilyProvider } from "../../src/sources/tavily.js";
import { WikipediaProvider } from "../../src/sources/wikipedia.js";
import { BRAVE_TEST_KEY, braveErrors, startBraveServer } from "../fixtures/servers/brave.js";
import { FACTCHECK_TEST_KEY, googleErrors, startFactCheckServer } from "../fixtures/servers/factcheck.js";
import type { FixtureServer } from "../fixtures/servers/fixture-server.js";
import { searxngErrors, startSearxngServer } from "../fixtures/servers/searxng.js";
import { SERPER_TEST_KEY, serperErrors, startSerperServer } from "../fixtures/servers/serper.js";
import { TAVILY_TEST_KEY, tavilyErrors, startTavilyServer } from "../fixtures/servers/tavily.js";
import { SAMPLE_ARTICLES, mediaWikiErrors, startWikipediaServer } from "../fixtures/servers/wikipedia.js";
import { loopbackHttp } from "../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../helpers/providers.js";
import { recordingSleep } from "../helpers/sleep.js";
import { rejection } from "../helpers/assertions.js";

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

  it("retries a 503 after its Retry-After, then succeeds", async () => {
    const { sleep, calls } = recordingSleep();
    server.script(mediaWikiErrors.serverError);
    const hits = await provider({ sleep }).search(searchRequest("natural satellite"), never());
    assert.deepEqual(
      hits.map((h) => h.title),
      ["Moon"],
    );
    assert.deepEqual(calls, [1000]);
  });
});

describe("GoogleFactCheckProvider", () => {
  let server: FixtureServer;
  before(async () => (server = await startFactCheckServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const provider = (apiKey = FACTCHECK_TEST_KEY, extra: { sleep?: ReturnType<typeof recordingSleep>["sleep"] } = {}) =>
    new GoogleFactCheckProvider({ http, apiKey, baseUrl: server.url, limiter: null, ...extra });

  it("calls claims:search with query, languageCode and pageSize, the key in X-Goog-Api-Key (not the URL)", async () => {
    await provider().search(searchRequest("Great Wall visible from the Moon", { limit: 4, language: "en-US" }), never());
    const req = server.last();
    assert.equal(req.method, "GET");
    assert.equal(req.path, "/v1alpha1/claims:search");
    assert.equal(req.query.query, "Great Wall visible from the Moon");
    assert.equal(req.query.languageCode, "en-US");
    assert.equal(req.query.pageSize, "4");
    assert.equal(req.headers["x-goog-api-key"], FACTCHECK_TEST_KEY);
    assert.equal(req.query.key, undefined);
  });

  it("turns each claim review into a hit with factCheck set and a citable sentence as its text", async () => {
    const hits = await provider().search(searchRequest("Great Wall visible from the Moon"), never());
    assert.equal(hits.length, 2);
    const [politifact, snopes] = hits as [NonNullable<(typeof hits)[0]>, NonNullable<(typeof hits)[0]>];
    assert.equal(politifact.provider, "factcheck");
    assert.equal(politifact.url, "https://www.politifact.com/factchecks/2023/mar/02/viral-image/great-wall-moon/");
    assert.equal(politifact.title, "No, you can't see the Great Wall of China from the Moon");
    assert.equal(politifact.publisher, "PolitiFact");
    assert.equal(politifact.publishedAt, "2023-03-02T00:00:00.000Z");
    assert.equal(
      politifact.text,
      'PolitiFact rated the claim "The Great Wall of China is visible from the Moon with the naked eye." (by Viral post) as "False".',
    );
    assert.deepEqual(politifact.factCheck, {
      claim: "The Great Wall of China is visible from the Moon with the naked eye.",
      claimant: "Viral post",
      publisher: "PolitiFact",
      rating: "False",
      url: "https://www.politifact.com/factchecks/2023/mar/02/viral-image/great-wall-moon/",
      title: "No, you can't see the Great Wall of China from the Moon",
      reviewedAt: "2023-03-02T00:00:00.000Z",
      language: "en",
    });
    // A review without a publisher name or title: the site stands in, the finding has no title.
    assert.equal(snopes.publisher, "snopes.com");
    assert.equal(snopes.factCheck!.title, null);
    assert.equal(snopes.factCheck!.reviewedAt, null);
    assert.equal(snopes.factCheck!.rating, "Mostly False");
    assert.match(snopes.text!, /^snopes\.com rated the claim ".+" \(by Viral post\) as "Mostly False"\.$/);
  });

  it("returns nothing for Google's empty answer ({})", async () => {
    assert.deepEqual(await provider().search(searchRequest("zzzz qqqq"), never()), []);
  });

  it("reports a rejected key with Google's message and without the key", async () => {
    const wrong = "AIzaWRONG-key-0000000000";
    const error = await rejection(provider(wrong).search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "factcheck",
      kind: "auth",
      message: /^factcheck: HTTP 400 \(API key not valid\. Please pass a valid API key\.\)$/,
      secret: wrong,
    });
    assert.equal(server.requests.length, 1, "a 400 is not retried");
  });

  it("redacts the key even when the API echoes it", async () => {
    server.script({
      status: 403,
      body: { error: { code: 403, message: `Requests with key ${FACTCHECK_TEST_KEY} are blocked.`, status: "PERMISSION_DENIED" } },
    });
    const error = await rejection(provider().search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "factcheck",
      kind: "auth",
      message: /^factcheck: HTTP 403 \(Requests with key \*\*\* are blocked\.\)$/,
      secret: FACTCHECK_TEST_KEY,
    });
  });

  it("waits out a 429 RESOURCE_EXHAUSTED (Retry-After) and retries", async () => {
    const { sleep, calls } = recordingSleep();
    server.script(googleErrors.quota);
    const hits = await provider(FACTCHECK_TEST_KEY, { sleep }).search(searchRequest("Great Wall"), never());
    assert.equal(hits.length, 2);
    assert.deepEqual(calls, [2000]);
  });

  it("gives up after the retries on repeated 500s", async () => {
    const { sleep, calls } = recordingSleep();
    server.failTimes(3, googleErrors.internal);
    const error = await rejection(provider(FACTCHECK_TEST_KEY, { sleep }).search(searchRequest("Great Wall"), never()));
    assertProviderError(error, { provider: "factcheck", kind: "http", message: /^factcheck: HTTP 500 \(Internal error encountered\.\)$/ });
    assert.equal(server.requests.length, 3);
    assert.equal(calls.length, 2);
  });
});

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

  it("returns nothing when Brave has no web results (no `web` key)", async () => {
    assert.deepEqual(await provider().search(searchRequest("zzzz qqqq"), never()), []);
  });

  it("reports an invalid subscription token (422) as an invalid key, without the key", async () => {
    const wrong = "BSA-wrong-token-xyz";
    const error = await rejection(provider(wrong).search(searchRequest("Great Wall"), never()));
    assertProviderError(error, { provider: "brave", kind: "auth", message: /^brave: HTTP 422 \(invalid API key\)$/, secret: wrong });
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
});

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

  it("reports a missing or invalid key (401) with Tavily's message, without the key", async () => {
    const wrong = "tvly-wrong-key-777";
    const error = await rejection(provider(wrong).search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "tavily",
      kind: "auth",
      message: /^tavily: HTTP 401 \(Unauthorized: missing or invalid API key\.\)$/,
      secret: wrong,
    });
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
});

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

  it("reports a rejected key with Serper's message, without the key", async () => {
    const wrong = "serper-wrong-key-31337";
    const error = await rejection(provider(wrong).search(searchRequest("Great Wall"), never()));
    assertProviderError(error, { provider: "serper", kind: "auth", message: /^serper: HTTP 403 \(Unauthorized\.\)$/, secret: wrong });
  });

  it("reports running out of credits", async () => {
    server.script(serperErrors.noCredits);
    const error = await rejection(provider().search(searchRequest("Great Wall"), never()));
    assertProviderError(error, { provider: "serper", kind: "http", message: /^serper: HTTP 400 \(Not enough credits\)$/ });
  });
});

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

  it("gives up after two retries of a 502", async () => {
    const { sleep, calls } = recordingSleep();
    server.failTimes(3, searxngErrors.serverError);
    const error = await rejection(
      new SearxngProvider({ http, baseUrl: `${server.url}/searx`, limiter: null, sleep, random: () => 0 }).search(
        searchRequest("Great Wall"),
        never(),
      ),
    );
    assertProviderError(error, { provider: "searxng", kind: "http", message: /^searxng: HTTP 502 \(bad gateway\)$/ });
    assert.equal(server.requests.length, 3);
    assert.deepEqual(calls, [250, 500]);
  });
});
