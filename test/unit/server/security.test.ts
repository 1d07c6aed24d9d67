// The website's per-client rate limiter.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { perClientLimiter } from "../../../src/server/security.js";

describe("perClientLimiter", () => {
  it("limits each client at the configured rate per minute", () => {
    let now = 0;
    const limiter = perClientLimiter({ burst: 1, perMinute: 6 }, () => now);
    assert.deepEqual(limiter.take("a"), { ok: true });
    assert.deepEqual(limiter.take("a"), { ok: false, retryAfter: 10 }, "6 a minute: one every 10 s");
    now = 10_000;
    assert.deepEqual(limiter.take("a"), { ok: true });
  });
});
