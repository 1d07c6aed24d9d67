// fetch/headers.ts: reading Retry-After.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseRetryAfter } from "../../../src/fetch/headers.js";

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("30", now), 30);
    assert.equal(parseRetryAfter(" 0 ", now), 0);
    assert.equal(parseRetryAfter("Mon, 01 Jan 2024 00:01:30 GMT", now), 90);
    assert.equal(parseRetryAfter("Sun, 31 Dec 2023 23:00:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), null);
    assert.equal(parseRetryAfter("-5", now), null);
    assert.equal(parseRetryAfter("", now), null);
    assert.equal(parseRetryAfter(undefined, now), null);
    assert.equal(parseRetryAfter(null, now), null);
  });
});
