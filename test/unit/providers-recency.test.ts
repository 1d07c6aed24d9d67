// Time-sensitive questions: the plan asks for recent results, each search API receives its own
// spelling of the window, and old dated hits are set aside.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { gather } from "../../src/pipeline/gather.js";
import { recencyOf } from "../../src/pipeline/plan.js";
import { BraveProvider } from "../../src/sources/brave.js";
import { SearxngProvider } from "../../src/sources/searxng.js";
import { SerperProvider } from "../../src/sources/serper.js";
import { TavilyProvider } from "../../src/sources/tavily.js";
import type { SourceHit, SourceProvider } from "../../src/sources/provider.js";
import { BRAVE_TEST_KEY, startBraveServer } from "../fixtures/servers/brave.js";
import type { FixtureServer } from "../fixtures/servers/fixture-server.js";
import { startSearxngServer } from "../fixtures/servers/searxng.js";
import { SERPER_TEST_KEY, startSerperServer } from "../fixtures/servers/serper.js";
import { TAVILY_TEST_KEY, startTavilyServer } from "../fixtures/servers/tavily.js";
import { loopbackHttp } from "../helpers/loopback-http.js";
import { never, searchRequest } from "../helpers/providers.js";

describe("recency of time-sensitive questions", () => {
  it("reads how recent the evidence must be from the question", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    assert.equal(recencyOf("Who won the match yesterday?", now), 2);
    assert.equal(recencyOf("What happened this week in Congress?", now), 7);
    assert.equal(recencyOf("What is the latest unemployment rate?", now), 31);
    assert.equal(recencyOf("Who is the current prime minister of Japan?", now), 365);
    assert.equal(recencyOf("Did inflation fall in 2026?", now), 365);
    assert.equal(recencyOf("Did Napoleon die in 1821?", now), undefined);
    assert.equal(recencyOf("Is the Great Wall of China visible from space?", now), undefined);
  });

  const http = loopbackHttp();
  let brave: FixtureServer, serper: FixtureServer, tavily: FixtureServer, searxng: FixtureServer;
  before(async () => {
    [brave, serper, tavily, searxng] = await Promise.all([
      startBraveServer(),
      startSerperServer(),
      startTavilyServer(),
      startSearxngServer(),
    ]);
  });
  after(async () => Promise.all([brave, serper, tavily, searxng].map((s) => s.close())));

  it("sends each search API its own spelling of the window", async () => {
    const request = searchRequest("Great Wall", { maxAgeDays: 7 });
    await new BraveProvider({ http, apiKey: BRAVE_TEST_KEY, baseUrl: brave.url, limiter: null }).search(request, never());
    assert.equal(brave.last().query.freshness, "pw");
    await new SerperProvider({ http, apiKey: SERPER_TEST_KEY, baseUrl: serper.url, limiter: null }).search(request, never());
    assert.equal((serper.last().json as Record<string, unknown>).tbs, "qdr:w");
    await new TavilyProvider({ http, apiKey: TAVILY_TEST_KEY, baseUrl: tavily.url, limiter: null }).search(request, never());
    assert.equal((tavily.last().json as Record<string, unknown>).time_range, "week");
    await new SearxngProvider({ http, baseUrl: searxng.url, limiter: null }).search(request, never());
    assert.equal(searxng.last().query.time_range, "week");
    await new BraveProvider({ http, apiKey: BRAVE_TEST_KEY, baseUrl: brave.url, limiter: null }).search(
      searchRequest("Great Wall"),
      never(),
    );
    assert.equal(brave.last().query.freshness, undefined, "no window for a question about no particular time");
  });

  it("passes the plan's window to the providers and sets old dated hits aside", async () => {
    const seen: (number | undefined)[] = [];
    const hit = (url: string, publishedAt: string | null): SourceHit => ({
      provider: "web",
      url,
      title: url,
      publisher: null,
      author: null,
      publishedAt,
      snippet: null,
      score: 1,
    });
    const provider: SourceProvider = {
      id: "web",
      search: async (r) => {
        seen.push(r.maxAgeDays);
        return [
          hit("https://a.example/new", new Date().toISOString().slice(0, 10)),
          hit("https://a.example/old", "2001-01-01"),
          hit("https://a.example/undated", null),
        ];
      },
    };
    const result = await gather({ queries: [{ claimId: "c1", text: "q", angle: "supporting" }], maxAgeDays: 31 }, [provider], {
      language: "en",
    });
    assert.deepEqual(seen, [31]);
    assert.deepEqual(result.hits.map((h) => h.url).sort(), ["https://a.example/new", "https://a.example/undated"]);
    assert.equal(result.rejected[0]?.url, "https://a.example/old");
  });
});
