// The gather stage: every provider asked for every query, hits merged by canonical URL, failures
// and timeouts recorded, and old dated hits set aside for a time-sensitive question.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canonicalUrl, gather, mergeHits } from "../../../src/pipeline/gather.js";
import type { SourceHit, SourceProvider } from "../../../src/sources/provider.js";
import { sourceHit } from "../../helpers/providers.js";

describe("gather", () => {
  const hit = (url: string, score: number, provider = "a"): SourceHit => sourceHit(url, { provider, score, text: "t" });

  it("merges the same page from several providers into one hit with the best score", () => {
    const merged = mergeHits([
      hit("https://www.example.org/page?utm_source=x#top", 1, "a"),
      hit("https://example.org/page", 3, "b"),
      hit("https://example.org/other", 2, "a"),
    ]);
    assert.equal(merged.length, 2);
    assert.equal(merged[0]!.score, 3);
    assert.equal(canonicalUrl("https://WWW.Example.org/a/?utm_medium=y&q=1#f"), "https://example.org/a/?q=1");
  });

  it("records a failing provider and keeps the others' results", async () => {
    const ok: SourceProvider = { id: "ok", search: async (r) => [hit(`https://ok.test/${r.query}`, 1, "ok")] };
    const broken: SourceProvider = {
      id: "broken",
      search: async () => {
        throw new Error("HTTP 500 from upstream");
      },
    };
    const slow: SourceProvider = {
      id: "slow",
      search: (_r, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    };
    const result = await gather(
      {
        queries: [
          { claimId: "c1", text: "q1", angle: "supporting" },
          { claimId: "c1", text: "q2", angle: "context" },
        ],
      },
      [ok, broken, slow],
      { language: "en", timeoutMs: 50 },
    );
    assert.equal(result.hits.length, 2);
    assert.deepEqual(
      result.providers.map((p) => [p.id, p.status]),
      [
        ["ok", "ok"],
        ["broken", "failed"],
        ["slow", "failed"],
      ],
    );
    assert.match(result.providers[1]!.error!, /HTTP 500/);
    assert.match(result.providers[2]!.error!, /timed out/);
  });
});

describe("gather: time-sensitive questions", () => {
  it("passes the plan's window to the providers and sets old dated hits aside", async () => {
    const seen: (number | undefined)[] = [];
    const hit = (url: string, publishedAt: string | null): SourceHit => sourceHit(url, { publishedAt });
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
