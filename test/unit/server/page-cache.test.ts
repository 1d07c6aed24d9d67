import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PageCache, etagOf, type CachedPage } from "../../../src/server/page-cache.js";

const page = (body: string, tags: string[], at: number): CachedPage => ({
  body,
  etag: etagOf(body),
  contentType: "text/html",
  tags,
  renderedAt: at,
});

describe("PageCache", () => {
  it("keeps the most recently used pages up to its bound", () => {
    const cache = new PageCache(() => 0, 2);
    cache.set("a", page("a", [], 0), cache.begin());
    cache.set("b", page("b", [], 0), cache.begin());
    assert.ok(cache.get("a")); // a is now the most recent
    cache.set("c", page("c", [], 0), cache.begin());
    assert.equal(cache.get("b"), null, "the least recently used went");
    assert.ok(cache.get("a"));
    assert.ok(cache.get("c"));
    assert.equal(cache.size, 2);
  });

  it("drops pages by tag, and expires them by the clock either way", () => {
    let now = 1_000_000;
    const cache = new PageCache(() => now, 10, 1000);
    cache.set("report", page("r", ["check:1"], now), cache.begin());
    cache.set("home", page("h", ["lists"], now), cache.begin());
    cache.invalidate("check:1");
    assert.equal(cache.get("report"), null);
    assert.ok(cache.get("home"));
    now -= 5000; // a clock moved back
    assert.equal(cache.get("home"), null);
  });

  it("does not keep a page rendered while something changed", () => {
    const cache = new PageCache(() => 0);
    const begun = cache.begin();
    cache.invalidate("check:1");
    cache.set("report", page("old", ["check:1"], 0), begun);
    assert.equal(cache.get("report"), null);
  });

  it("gives equal bodies equal strong tags", () => {
    assert.equal(etagOf("x"), etagOf("x"));
    assert.notEqual(etagOf("x"), etagOf("y"));
    assert.match(etagOf("x"), /^"[^"]+"$/);
  });
});
