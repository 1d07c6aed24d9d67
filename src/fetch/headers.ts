// HTTP headers: what a request may send, and reading what a response sent.
import type { Dispatcher } from "undici";

/** Request headers a caller may not set: the client owns the connection and the framing. */
const DROPPED_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "upgrade",
  "te",
  "trailer",
  "proxy-connection",
  "accept-encoding",
]);
/** Headers that go to the origin they were given for only. */
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

/** The headers without the credentials, for a redirect to another origin. */
export function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const kept = { ...headers };
  for (const name of CREDENTIAL_HEADERS) delete kept[name];
  return kept;
}

/** The headers a request goes out with: ours, then the caller's (lower-cased) but for those the client owns. */
export function requestHeaders(given: Record<string, string> | undefined, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": userAgent,
    accept: "*/*",
    "accept-encoding": "gzip, br",
  };
  for (const [name, value] of Object.entries(given ?? {})) {
    const lower = name.toLowerCase();
    if (DROPPED_HEADERS.has(lower) || value === undefined || value === null) continue;
    headers[lower] = String(value);
  }
  return headers;
}

/** The first of a header's values as undici gives them. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A response's headers as one lower-cased string each (repeated ones joined with ", "). */
export function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** A header of a plain record, whatever the case of its name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or null when absent
 * or unreadable. Dates in the past give 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  if (!/[a-z]/i.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return Math.max(0, Math.ceil((time - now) / 1000));
}
