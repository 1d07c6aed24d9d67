// What every web search provider's hits share: ranked hits from an API's results.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { hostnameOf, isHttpUrl, rankedHit, rankedHits } from "../../../src/sources/hits.js";

describe("rankedHits", () => {
  it("reads results in order, skips what read rejects, scores by rank and stops at the limit", () => {
    const results = ["https://www.a.org/1", "ftp://b", "https://c.org/3", "https://d.org/4"];
    const hits = rankedHits("demo", results, 2, (url) =>
      isHttpUrl(url) ? { url, title: url.slice(8), publishedAt: null, snippet: null } : null,
    );
    assert.deepEqual(
      hits.map((h) => [h.url, h.publisher, h.score]),
      [
        ["https://www.a.org/1", "a.org", 1],
        ["https://c.org/3", "c.org", 0.5],
      ],
    );
  });

  it("builds every hit with the same keys in the same order, text and factCheck only when given", () => {
    const plain = rankedHit("demo", { url: "https://a.org/", title: "A", publisher: null, publishedAt: null, snippet: "s" }, 0);
    assert.deepEqual(Object.keys(plain), ["provider", "url", "title", "publisher", "author", "publishedAt", "snippet", "score"]);
    assert.equal(plain.publisher, null, "a publisher given as null stays null");
    const full = rankedHit("demo", { url: "https://a.org/", title: "A", publishedAt: null, snippet: null, text: "t" }, 3);
    assert.deepEqual(Object.keys(full).slice(-2), ["score", "text"]);
    assert.equal(full.score, 0.25);
  });
});

describe("hostnameOf", () => {
  it("names a site by its host without www", () => {
    assert.equal(hostnameOf("https://www.example.org/x"), "example.org");
    assert.equal(hostnameOf("not a url"), null);
  });
});
