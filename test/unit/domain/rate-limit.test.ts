// The token buckets: the sleeps the API limiter asks for (never wall time), and the per-client
// limiter that turns callers away.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { KeyedRateLimiter, RateLimiter } from "../../../src/domain/rate-limit.js";
import { recordingSleep } from "../../helpers/sleep.js";

describe("RateLimiter", () => {
  it("spaces requests at 1/perSecond once the burst is used (the sleeps it asks for)", async () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, now: () => now });
    const { sleep, calls } = recordingSleep();
    await limiter.acquire(undefined, sleep);
    await limiter.acquire(undefined, sleep);
    await limiter.acquire(undefined, sleep);
    assert.deepEqual(calls, [500, 1000], "the second waits one interval, the third two");
    now = 5_000; // long idle: the bucket refills, but only up to the burst
    calls.length = 0;
    await limiter.acquire(undefined, sleep);
    await limiter.acquire(undefined, sleep);
    assert.deepEqual(calls, [500]);
  });

  it("lets a burst through at once", () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 3, now: () => 0 });
    assert.deepEqual([limiter.reserve(), limiter.reserve(), limiter.reserve(), limiter.reserve()], [0, 0, 0, 1000]);
  });

  it("refills with time", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 10, now: () => now });
    assert.equal(limiter.reserve(), 0);
    assert.equal(limiter.reserve(), 100);
    now = 200;
    assert.equal(limiter.reserve(), 0);
  });

  it("rejects a non-positive rate", () => {
    assert.throws(() => new RateLimiter({ perSecond: 0 }), RangeError);
  });
});

describe("RateLimiter.take", () => {
  it("takes a token when there is one, and otherwise says how long until there is, taking none", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 2, now: () => now });
    assert.deepEqual([limiter.take(), limiter.take(), limiter.take(), limiter.take()], [0, 0, 500, 500]);
    now = 500;
    assert.equal(limiter.take(), 0);
    assert.equal(limiter.take(), 500);
  });

  it("is idle once it has been left alone long enough to be full", () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 1, burst: 2, now: () => now });
    limiter.take();
    now = 2_000;
    assert.equal(limiter.idle(), false);
    now = 2_001;
    assert.equal(limiter.idle(), true);
  });

  it("is not drained by a clock that steps back", () => {
    let now = 10_000;
    const limiter = new RateLimiter({ perSecond: 1, now: () => now });
    now = 0;
    assert.equal(limiter.take(), 0);
  });
});

describe("KeyedRateLimiter", () => {
  it("lets a burst through, then asks to wait until a token is back, per key", () => {
    let now = 0;
    const limiter = new KeyedRateLimiter({ burst: 2, perSecond: 6 / 60, now: () => now });
    assert.deepEqual(limiter.take("a"), { ok: true });
    assert.deepEqual(limiter.take("a"), { ok: true });
    assert.deepEqual(limiter.take("a"), { ok: false, retryAfter: 10 });
    assert.deepEqual(limiter.take("b"), { ok: true }, "per client");
    now = 10_000;
    assert.deepEqual(limiter.take("a"), { ok: true });
  });

  it("asks for at least a second", () => {
    let now = 0;
    const limiter = new KeyedRateLimiter({ perSecond: 100, now: () => now });
    assert.deepEqual(limiter.take("a"), { ok: true });
    now = 5;
    assert.deepEqual(limiter.take("a"), { ok: false, retryAfter: 1 });
  });

  it("forgets idle keys once it holds too many, which changes no answer", () => {
    let now = 0;
    const limiter = new KeyedRateLimiter({ perSecond: 1, burst: 1, now: () => now }, 3);
    limiter.take("a");
    limiter.take("b");
    now = 5_000;
    limiter.take("c"); // three keys: a and b are idle (full again) and forgotten
    assert.deepEqual(limiter.take("c"), { ok: false, retryAfter: 1 }, "c is kept");
    now = 5_100;
    assert.deepEqual(limiter.take("a"), { ok: true }, "a starts over with a full bucket, as it would have had");
  });
});
