// Safety of the website: security headers, signed values, CSRF tokens, per-client
// rate limits, and constant-time comparisons.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { RateLimit } from "./options.js";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The headers every response carries. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    await next();
  };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  if (x.length !== y.length) {
    timingSafeEqual(x, x); // same work either way
    return false;
  }
  return timingSafeEqual(x, y);
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function hmacHex(secret: string, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** Signs short values (cookies) with the site's secret: `value.signature`. */
export class Signer {
  constructor(private readonly secret: string) {}

  sign(value: string): string {
    return `${value}.${this.mac(value)}`;
  }

  /** The value when the signature is good, else null. */
  verify(signed: string | undefined | null): string | null {
    if (!signed) return null;
    const dot = signed.lastIndexOf(".");
    if (dot < 0) return null;
    const value = signed.slice(0, dot);
    return safeEqual(signed.slice(dot + 1), this.mac(value)) ? value : null;
  }

  private mac(value: string): string {
    return createHmac("sha256", this.secret).update(value).digest("base64url").slice(0, 32);
  }
}

export const CSRF_COOKIE = "verity_csrf";
export const CSRF_FIELD = "_csrf";

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "Lax" as const,
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** The visitor's CSRF token (double-submit: a cookie, repeated in a hidden field of every form). */
export function csrfToken(c: Context, secure: boolean): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return existing;
  const token = randomToken();
  setCookie(c, CSRF_COOKIE, token, cookieOptions(secure, 60 * 60 * 24 * 365));
  return token;
}

/**
 * Whether a form POST is genuine: the hidden field matches the cookie, and the
 * browser's Origin (when sent) is this site.
 */
export function csrfValid(c: Context, form: Record<string, unknown>, allowedOrigins: string[]): boolean {
  const origin = c.req.header("origin");
  if (origin && origin !== "null" && !allowedOrigins.includes(origin)) return false;
  if (origin === "null") return false;
  const cookie = getCookie(c, CSRF_COOKIE);
  const field = form[CSRF_FIELD];
  return typeof cookie === "string" && cookie.length >= 20 && typeof field === "string" && safeEqual(cookie, field);
}

/** Token buckets per client: `burst` at once, refilled at `perMinute`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Takes a token; when none is left, how many seconds until one is back. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.clock();
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      this.prune(now);
      return { ok: true };
    }
    this.buckets.set(key, bucket);
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  private prune(now: number): void {
    if (this.buckets.size < 10_000) return;
    const full = this.limit.burst / (this.limit.perMinute / 60_000);
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    const env = c.env as
      { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } } | undefined;
    const address = (env?.server ?? env)?.incoming?.socket?.remoteAddress;
    if (address) return address;
  } catch {
    // not running on Node's HTTP server (app.request in tests)
  }
  return "local";
}
