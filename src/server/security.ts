// Safety of the website: the security headers (hono's secureHeaders), cross-origin
// access (hono's cors), forms accepted only from this site's pages (hono's csrf),
// per-client rate limits, the client's address, and constant-time comparisons.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { KeyedRateLimiter } from "../domain/rate-limit.js";
import type { RateLimit } from "./options.js";

/** Request bodies are limited to this (the whole body, and the JSON an API route reads). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The headers every response carries. Only these: Hono's other defaults (HSTS with
 * includeSubDomains, CORP, ...) are the operator's call, not ours.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xContentTypeOptions: true,
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    crossOriginOpenerPolicy: true,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/** Methods anyone may use from another site: reading. */
const READ_METHODS = ["GET", "HEAD"];

/**
 * Cross-origin access to what is public (the API's reads, the feeds, the OpenAPI document):
 * any site may read it (`Access-Control-Allow-Origin: *`, no credentials), and a preflight
 * (OPTIONS) is answered. Submitting (POST) from another site is allowed only from the origins
 * the operator lists (VERITY_CORS_ORIGINS); from the others the browser keeps it same-origin.
 */
export function crossOrigin(submitOrigins: string[]): MiddlewareHandler {
  const submits = (origin: string) => submitOrigins.includes(origin);
  const full = cors({
    origin: (origin, c) => {
      // A preflight asks for the method it is about to use.
      const method = c.req.method === "OPTIONS" ? (c.req.header("access-control-request-method") ?? "GET") : c.req.method;
      if (READ_METHODS.includes(method.toUpperCase())) return "*";
      return submits(origin) ? origin : null;
    },
    allowMethods: (origin) => (submits(origin) ? [...READ_METHODS, "POST"] : READ_METHODS),
    allowHeaders: ["Content-Type", "Last-Event-ID"],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  // A read is open to every origin, so its answer does not vary by Origin: its two headers are set
  // before the handler runs. Hono's cors sets them on a placeholder response and adds Vary after the
  // handler, which makes the server adapter rebuild every cached API answer (a third of its rate).
  return (c, next) => {
    if (!READ_METHODS.includes(c.req.method)) return full(c, next);
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Access-Control-Expose-Headers", EXPOSED_HEADERS.join(","));
    return next();
  };
}

const EXPOSED_HEADERS = ["Location", "Retry-After"];

/**
 * Form posts only from this site's pages: hono's csrf lets a post through when the
 * browser says it comes from the same origin (Sec-Fetch-Site) or from an allowed one
 * (Origin: the base URL's, or the request's own); `refused` answers the others.
 */
export function sameSiteForms(origins: string[], refused: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const check = csrf({ origin: (origin, c) => origins.includes(origin) || origin === new URL(c.req.url).origin });
  return async (c, next) => {
    try {
      await check(c, next);
    } catch (error) {
      // Only the check itself throws here: errors further down are answered by the app's onError.
      if (error instanceof HTTPException && error.status === 403) return refused(c);
      throw error;
    }
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

export function hmacHex(secret: string, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** A limiter of requests per client, at the configured rate. */
export function perClientLimiter(limit: RateLimit, clock: () => number = () => Date.now()): KeyedRateLimiter {
  return new KeyedRateLimiter({ burst: limit.burst, perSecond: limit.perMinute / 60, now: clock });
}

/**
 * The client's address: the socket's, or, behind `hops` trusted proxies, the X-Forwarded-For entry
 * `hops` places from the right. Each proxy appends the address it received the request from, so the
 * entries on the right are the proxies' own; whatever lies further left was sent by the client and
 * can be anything. With fewer entries than hops, the leftmost one (as Express does).
 */
export function clientAddress(c: Context, hops: number): string {
  if (hops > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - hops)]!;
  }
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local"; // not on Node's HTTP server (app.request in tests)
  }
}
