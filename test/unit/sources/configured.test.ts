// Which providers the environment and --sources enable, and the web search fallback order.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError } from "../../../src/domain/errors.js";
import { FallbackSearch, providersFromConfig } from "../../../src/sources/configured.js";
import type { SearchRequest, SourceHit, SourceProvider } from "../../../src/sources/provider.js";
import { ProviderError } from "../../../src/sources/provider-error.js";
import { BRAVE_TEST_KEY, startBraveServer } from "../../fixtures/servers/brave.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { TAVILY_TEST_KEY, startTavilyServer } from "../../fixtures/servers/tavily.js";
import { SAMPLE_PAGES } from "../../fixtures/servers/web-pages.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { never, searchRequest, sourceHit } from "../../helpers/providers.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();
const ids = (providers: SourceProvider[]) => providers.map((p) => p.id);

describe("providersFromConfig", () => {
  it("enables Wikipedia alone when no key is set, and says why the others are off", () => {
    const { providers, skipped } = providersFromConfig({}, { http });
    assert.deepEqual(ids(providers), ["wikipedia"]);
    assert.deepEqual(skipped, [
      { id: "factcheck", reason: "GOOGLE_FACTCHECK_API_KEY is not set" },
      { id: "brave", reason: "BRAVE_API_KEY is not set" },
      { id: "tavily", reason: "TAVILY_API_KEY is not set" },
      { id: "serper", reason: "SERPER_API_KEY is not set" },
      { id: "searxng", reason: "SEARXNG_URL is not set" },
    ]);
  });

  it("enables the fact-check API and the web search APIs whose keys are set, combined in fallback order", () => {
    const env = { GOOGLE_FACTCHECK_API_KEY: "g", SEARXNG_URL: "https://searx.example.org", BRAVE_API_KEY: "b", TAVILY_API_KEY: "  " };
    const { providers, skipped } = providersFromConfig(env, { http });
    assert.deepEqual(ids(providers), ["wikipedia", "factcheck", "web"]);
    const web = providers[2] as FallbackSearch;
    assert.ok(web instanceof FallbackSearch);
    assert.equal(web.mode, "fallback");
    assert.deepEqual(ids(web.providers), ["brave", "searxng"]);
    assert.deepEqual(
      skipped.map((s) => s.id),
      ["tavily", "serper"],
      "a blank key counts as unset",
    );
  });

  it("runs all web providers in parallel with VERITY_WEB_SEARCH=all", () => {
    const { providers } = providersFromConfig({ BRAVE_API_KEY: "b", SERPER_API_KEY: "s", VERITY_WEB_SEARCH: "all" }, { http });
    assert.equal((providers.at(-1) as FallbackSearch).mode, "all");
    assert.throws(() => providersFromConfig({ BRAVE_API_KEY: "b", VERITY_WEB_SEARCH: "sometimes" }, { http }), ConfigError);
  });

  it("restricts to the named sources (library is left to the library registry)", () => {
    const env = { GOOGLE_FACTCHECK_API_KEY: "g", BRAVE_API_KEY: "b", TAVILY_API_KEY: "t" };
    assert.deepEqual(ids(providersFromConfig(env, { http, names: ["library", "wikipedia"] }).providers), ["wikipedia"]);
    assert.deepEqual(ids(providersFromConfig(env, { http, names: ["library"] }).providers), []);
    assert.deepEqual(
      ids(providersFromConfig(env, { http, names: ["factcheck,brave"] }).providers),
      ["factcheck", "brave"],
      "one web API named alone stays itself",
    );
    const both = providersFromConfig(env, { http, names: ["tavily", "brave"] }).providers;
    assert.deepEqual(ids(both), ["web"]);
    assert.deepEqual(ids((both[0] as FallbackSearch).providers), ["brave", "tavily"], "always in fallback order");
    const web = providersFromConfig(env, { http, names: ["web"] }).providers;
    assert.deepEqual(ids((web[0] as FallbackSearch).providers), ["brave", "tavily"]);
  });

  it("refuses a named source whose key is missing, with the variable to set", () => {
    assert.throws(
      () => providersFromConfig({}, { http, names: ["brave"] }),
      (e: unknown) => e instanceof ConfigError && e.message === "brave needs BRAVE_API_KEY",
    );
    assert.throws(
      () => providersFromConfig({}, { http, names: ["factcheck"] }),
      (e: unknown) => e instanceof ConfigError && e.message === "factcheck needs GOOGLE_FACTCHECK_API_KEY",
    );
    assert.throws(() => providersFromConfig({}, { http, names: ["searxng"] }), /searxng needs SEARXNG_URL/);
    assert.throws(
      () => providersFromConfig({}, { http, names: ["web"] }),
      /web needs one of BRAVE_API_KEY, TAVILY_API_KEY, SERPER_API_KEY, SEARXNG_URL/,
    );
  });

  it("refuses unknown sources and a SEARXNG_URL that is not a URL", () => {
    assert.throws(
      () => providersFromConfig({}, { http, names: ["bing"] }),
      (e: unknown) => e instanceof ConfigError && /unknown source "bing"/.test(e.message),
    );
    assert.throws(() => providersFromConfig({ SEARXNG_URL: "searx.local" }, { http }), /SEARXNG_URL must be an http\(s\) URL/);
  });
});

describe("FallbackSearch", () => {
  const hitFrom = (provider: string, url: string): SourceHit => sourceHit(url, { provider });
  const stub = (id: string, behaviour: () => Promise<SourceHit[]>): SourceProvider & { calls: number } => {
    const p = {
      id,
      calls: 0,
      search: async (_req: SearchRequest, _signal: AbortSignal) => {
        p.calls++;
        return behaviour();
      },
    };
    return p;
  };

  it("asks the next provider when the first fails, and records who answered", async () => {
    const brave = stub("brave", async () => {
      throw new ProviderError("brave: HTTP 422 (invalid API key)", "brave", "auth", 422);
    });
    const tavily = stub("tavily", async () => [hitFrom("tavily", "https://a.example/")]);
    const serper = stub("serper", async () => [hitFrom("serper", "https://b.example/")]);
    const web = new FallbackSearch([brave, tavily, serper]);
    const hits = await web.search(searchRequest("q"), never());
    assert.deepEqual(
      hits.map((h) => h.provider),
      ["tavily"],
    );
    assert.equal(web.lastAnswered, "tavily");
    assert.deepEqual(web.lastErrors, [{ id: "brave", message: "brave: HTTP 422 (invalid API key)" }]);
    assert.equal(serper.calls, 0);
  });

  it("asks the next provider when the first finds nothing", async () => {
    const brave = stub("brave", async () => []);
    const tavily = stub("tavily", async () => [hitFrom("tavily", "https://a.example/")]);
    const web = new FallbackSearch([brave, tavily]);
    assert.equal((await web.search(searchRequest("q"), never())).length, 1);
    assert.equal(web.lastAnswered, "tavily");
  });

  it("returns nothing when every provider finds nothing, and fails when every provider fails", async () => {
    const empty = new FallbackSearch([stub("brave", async () => []), stub("tavily", async () => [])]);
    assert.deepEqual(await empty.search(searchRequest("q"), never()), []);
    assert.equal(empty.lastAnswered, null);
    const broken = new FallbackSearch([
      stub("brave", async () => Promise.reject(new ProviderError("brave: HTTP 500 (server error)", "brave", "http", 500))),
      stub("tavily", async () => Promise.reject(new ProviderError("tavily: timed out after 20s", "tavily", "timeout"))),
    ]);
    const error = await rejection(broken.search(searchRequest("q"), never()));
    assert.ok(error instanceof ProviderError);
    assert.equal(error.message, "web: every search provider failed: brave: HTTP 500 (server error); tavily: timed out after 20s");
  });

  it("in parallel mode merges every provider's results, interleaved by rank, one hit per URL", async () => {
    const web = new FallbackSearch(
      [
        stub("brave", async () => [hitFrom("brave", "https://a.example/"), hitFrom("brave", "https://b.example/")]),
        stub("tavily", async () => Promise.reject(new Error("down"))),
        stub("serper", async () => [hitFrom("serper", "https://c.example/"), hitFrom("serper", "https://a.example/")]),
      ],
      { mode: "all" },
    );
    const hits = await web.search(searchRequest("q"), never());
    assert.deepEqual(
      hits.map((h) => `${h.provider} ${h.url}`),
      ["brave https://a.example/", "serper https://c.example/", "brave https://b.example/"],
    );
    assert.equal(web.lastAnswered, "brave+serper");
    assert.deepEqual(web.lastErrors, [{ id: "tavily", message: "down" }]);
  });

  it("stops when the check is cancelled", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const second = stub("tavily", async () => [hitFrom("tavily", "https://a.example/")]);
    const web = new FallbackSearch([
      stub("brave", async () => {
        controller.abort(reason);
        throw reason;
      }),
      second,
    ]);
    assert.equal(await rejection(web.search(searchRequest("q"), controller.signal)), reason);
    assert.equal(second.calls, 0);
  });
});

describe("configured web search against the fixture APIs", () => {
  let brave: FixtureServer;
  let tavily: FixtureServer;
  before(async () => {
    // Brave knows only the travel guide; Tavily knows every sample page.
    brave = await startBraveServer({ pages: SAMPLE_PAGES.slice(2) });
    tavily = await startTavilyServer();
  });
  after(async () => {
    await brave.close();
    await tavily.close();
  });
  beforeEach(() => {
    brave.reset();
    tavily.reset();
  });
  const web = (env: Record<string, string>) => {
    const { providers } = providersFromConfig(env, {
      http,
      names: ["web"],
      baseUrls: { brave: brave.url, tavily: tavily.url },
      sleep: recordingSleep().sleep,
    });
    return providers[0] as FallbackSearch;
  };

  it("falls back to Tavily when Brave rejects the key", async () => {
    const search = web({ BRAVE_API_KEY: "BSA-wrong", TAVILY_API_KEY: TAVILY_TEST_KEY });
    const hits = await search.search(searchRequest("myth debunked"), never());
    assert.deepEqual(
      hits.map((h) => h.provider),
      ["tavily"],
    );
    assert.equal(search.lastAnswered, "tavily");
    assert.equal(search.lastErrors[0]!.message, "brave: HTTP 422 (invalid API key)");
    assert.equal(brave.requests.length, 1);
  });

  it("falls back to Tavily when Brave finds nothing, and stays with Brave when it answers", async () => {
    const search = web({ BRAVE_API_KEY: BRAVE_TEST_KEY, TAVILY_API_KEY: TAVILY_TEST_KEY });
    assert.equal((await search.search(searchRequest("myth debunked"), never()))[0]!.provider, "tavily");
    assert.equal(search.lastAnswered, "tavily");
    assert.equal((await search.search(searchRequest("travel guide"), never()))[0]!.provider, "brave");
    assert.equal(search.lastAnswered, "brave");
    assert.equal(tavily.requests.length, 1);
  });
});
