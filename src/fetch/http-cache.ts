// The page cache's contract (the store implements it) and its rules: what is kept, and how a
// kept page is revalidated with ETag / Last-Modified.
import { firstValue } from "./headers.js";

/** A cached response, keyed by the URL that was requested. */
export interface CachedResponse {
  /** The URL as requested (the cache key). */
  url: string;
  /** The final URL, after redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601: when the body was fetched or last revalidated. */
  fetchedAt: string;
}

/** Where GET responses requested with `cache: true` are kept (implemented by the store). */
export interface HttpCache {
  get(url: string): Promise<CachedResponse | null>;
  put(entry: CachedResponse): Promise<void>;
}

/** Only validatable, storable responses are worth keeping: without a validator there is nothing to revalidate. */
export function cacheable(headers: Record<string, string>): boolean {
  if (/\bno-store\b/i.test(headers["cache-control"] ?? "")) return false;
  return Boolean(headers["etag"] || headers["last-modified"]);
}

/** Asks the origin whether the cached page changed, unless the caller asked something already. */
export function addValidators(headers: Record<string, string>, cached: CachedResponse): void {
  if (cached.etag && !("if-none-match" in headers)) headers["if-none-match"] = cached.etag;
  if (cached.lastModified && !("if-modified-since" in headers)) headers["if-modified-since"] = cached.lastModified;
}

/** The cached entry after a 304 Not Modified: new validators when the origin sent them, a new date. */
export function revalidated(
  cached: CachedResponse,
  headers: Record<string, string | string[] | undefined>,
  fetchedAt: string,
): CachedResponse {
  return {
    ...cached,
    etag: firstValue(headers["etag"]) ?? cached.etag,
    lastModified: firstValue(headers["last-modified"]) ?? cached.lastModified,
    fetchedAt,
  };
}
