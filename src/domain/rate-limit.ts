// Token buckets: `burst` requests back to back, then `perSecond` sustained. One bucket spaces out
// our calls to an API (RateLimiter); one bucket per client turns callers away (KeyedRateLimiter).
// Pure but for the clock, which is injectable so tests assert what is asked, never wall time.
import { realSleep, type Sleep } from "./sleep.js";

export interface RateLimiterOptions {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed back to back before spacing starts; 1 by default (a plain minimum interval). */
  burst?: number;
  /** Clock in milliseconds (performance.now() by default); injectable for tests. */
  now?: () => number;
}

/**
 * A token bucket. Each `acquire` takes a token, or reserves the next one and sleeps until it is due,
 * so concurrent callers are spaced out in the order they arrived.
 */
export class RateLimiter {
  readonly perSecond: number;
  readonly burst: number;
  private tokens: number;
  private last: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new RangeError("RateLimiter: perSecond must be positive");
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, Math.floor(options.burst ?? 1));
    this.now = options.now ?? (() => performance.now());
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** How long the caller must wait (ms) for its slot; the slot is reserved either way. */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }

  /** Takes a token when there is one (0); otherwise takes nothing and says how long (ms) until there is. */
  take(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) / this.perSecond) * 1000;
  }

  /** Whether the bucket has been left alone long enough to be full again (it can then be forgotten). */
  idle(): boolean {
    return this.now() - this.last > (this.burst / this.perSecond) * 1000;
  }

  async acquire(signal?: AbortSignal, sleep: Sleep = realSleep): Promise<void> {
    signal?.throwIfAborted();
    const wait = this.reserve();
    if (wait > 0) await sleep(wait, signal);
  }

  private refill(): void {
    const now = this.now();
    // A wall clock can step back; time never drains the bucket.
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

type Taken = { ok: true } | { ok: false; retryAfter: number };

/** One bucket per key (a client's address, say); a key without a token is turned away, not queued. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, RateLimiter>();

  constructor(
    private readonly options: RateLimiterOptions,
    /** Past this many keys, the idle (full) buckets are forgotten. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes a token of `key`'s bucket; when none is left, how many whole seconds (at least 1) until one is back. */
  take(key: string): Taken {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new RateLimiter(this.options);
      this.buckets.set(key, bucket);
    }
    const wait = bucket.take();
    if (wait > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
    this.prune();
    return { ok: true };
  }

  private prune(): void {
    if (this.buckets.size < this.maxKeys) return;
    for (const [key, bucket] of this.buckets) if (bucket.idle()) this.buckets.delete(key);
  }
}
