// The HTTP client behind every request that leaves the machine: undici with the SSRF guard at
// connect time, redirects followed by hand (each Location checked again), timeouts, a response
// size cap (counted after decompression), a small per-host concurrency limit, and an optional
// page cache revalidated with ETag / Last-Modified.
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { Agent, type Dispatcher } from "undici";
import { charsetOf, decodeText } from "../extract/decode.js";
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from "./http-client.js";
import { checkUrl, createSafeConnector, type Resolver } from "./ssrf.js";

export const DEFAULT_USER_AGENT = "VerityBot/0.1 (+https://github.com/verity-factcheck/verity; fact-checking)";

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

export interface HttpClientOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Default response size cap in bytes (10 MB); a request may lower or raise it. */
  maxBytes?: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  /** "host:port" entries that may be reached although private. Tests only. */
  allowedPrivateHosts?: readonly string[];
  /** DNS resolution (all addresses of a name); the system resolver by default. */
  resolver?: Resolver;
  cache?: HttpCache;
  /** The clock, for cache timestamps. */
  now?: () => Date;
}

export interface ClosableHttpClient extends HttpClient {
  /** Closes the connection pool. */
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
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

export function createHttpClient(options: HttpClientOptions = {}): ClosableHttpClient {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const defaultMaxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const allowedPrivateHosts = [...(options.allowedPrivateHosts ?? [])];
  const cache = options.cache;
  const now = options.now ?? (() => new Date());
  const limiter = new HostLimiter(Math.max(1, options.perHostConcurrency ?? 2));
  const agent = new Agent({
    connect: createSafeConnector({
      timeout: options.connectTimeoutMs ?? 5000,
      resolver: options.resolver,
      allowedPrivateHosts,
    }),
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    bodyTimeout: options.bodyTimeoutMs ?? 15_000,
  });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "POST") throw new HttpError(`unsupported method ${String(method)}`, "bad_url");
    const maxBytes = req.maxBytes ?? defaultMaxBytes;
    const requested = checkUrl(req.url, { allowedPrivateHosts });
    const useCache = Boolean(cache && req.cache && method === "GET");
    const cached = useCache ? await cache!.get(requested.href).catch(() => null) : null;

    // One signal for the whole request: the caller's, and the whole-request timeout.
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      req.timeoutMs && req.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new HttpError(`timed out after ${req.timeoutMs} ms`, "timeout"));
          }, req.timeoutMs)
        : null;
    const onCallerAbort = (): void => controller.abort(req.signal?.reason);
    if (req.signal?.aborted) onCallerAbort();
    else req.signal?.addEventListener("abort", onCallerAbort, { once: true });

    let headers = requestHeaders(req.headers, userAgent);
    if (cached) {
      if (cached.etag && !("if-none-match" in headers)) headers["if-none-match"] = cached.etag;
      if (cached.lastModified && !("if-modified-since" in headers)) headers["if-modified-since"] = cached.lastModified;
    }
    let currentMethod: "GET" | "POST" = method;
    let body: string | undefined = method === "POST" ? req.body : undefined;
    let url = requested;

    try {
      for (let hop = 0; ; hop++) {
        const release = await limiter.acquire(url.host, controller.signal);
        try {
          const res = await agent.request({
            origin: url.origin,
            path: url.pathname + url.search,
            method: currentMethod,
            headers,
            body,
            signal: controller.signal,
          });
          const location = headerValue(res.headers["location"]);
          if (REDIRECTS.has(res.statusCode) && location) {
            await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
            if (hop >= maxRedirects) throw new HttpError(`more than ${maxRedirects} redirects`, "too_many_redirects");
            let next: URL;
            try {
              next = new URL(location, url);
            } catch {
              throw new HttpError(`bad redirect location: ${location.slice(0, 200)}`, "bad_url");
            }
            next = checkUrl(next.href, { allowedPrivateHosts });
            if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && currentMethod === "POST")) {
              currentMethod = "GET";
              body = undefined;
              delete headers["content-type"];
            }
            if (next.origin !== url.origin) {
              headers = { ...headers };
              for (const name of CREDENTIAL_HEADERS) delete headers[name];
            }
            url = next;
            continue;
          }

          if (res.statusCode === 304 && cached) {
            await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
            const refreshed: CachedResponse = {
              ...cached,
              etag: headerValue(res.headers["etag"]) ?? cached.etag,
              lastModified: headerValue(res.headers["last-modified"]) ?? cached.lastModified,
              fetchedAt: now().toISOString(),
            };
            await cache!.put(refreshed).catch(() => undefined);
            return makeResponse(cached.finalUrl, cached.status, cached.headers, cached.body, true);
          }

          const responseHeaders = flattenHeaders(res.headers);
          const bytes = await readBody(res, responseHeaders, maxBytes);
          const response = makeResponse(url.href, res.statusCode, responseHeaders, bytes, false);
          if (useCache && res.statusCode === 200 && cacheable(responseHeaders)) {
            await cache!
              .put({
                url: requested.href,
                finalUrl: url.href,
                status: res.statusCode,
                headers: responseHeaders,
                body: bytes,
                etag: responseHeaders["etag"] ?? null,
                lastModified: responseHeaders["last-modified"] ?? null,
                fetchedAt: now().toISOString(),
              })
              .catch(() => undefined);
          }
          return response;
        } finally {
          release();
        }
      }
    } catch (error) {
      throw translateError(error, timedOut, url);
    } finally {
      if (timer) clearTimeout(timer);
      req.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  return {
    request,
    close: () => agent.close(),
  };
}

function requestHeaders(given: Record<string, string> | undefined, userAgent: string): Record<string, string> {
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

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** Only validatable, storable responses are worth keeping: without a validator there is nothing to revalidate. */
function cacheable(headers: Record<string, string>): boolean {
  if (/\bno-store\b/i.test(headers["cache-control"] ?? "")) return false;
  return Boolean(headers["etag"] || headers["last-modified"]);
}

/** Reads the body, decompressing gzip / br / deflate, and fails as soon as it passes the cap. */
async function readBody(res: Dispatcher.ResponseData, headers: Record<string, string>, maxBytes: number): Promise<Uint8Array> {
  const encoding = (headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "br"
        ? zlib.createBrotliDecompress()
        : encoding === "deflate"
          ? zlib.createInflate()
          : null;
  const declared = Number(headers["content-length"]);
  if (!decoder && Number.isFinite(declared) && declared > maxBytes) {
    res.body.destroy();
    throw new HttpError(`response of ${declared} bytes is larger than ${maxBytes}`, "too_large");
  }
  const source: Readable = decoder ? pipeline(res.body, decoder, () => undefined) : res.body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      total += buffer.length;
      if (total > maxBytes) {
        throw new HttpError(`response is larger than ${maxBytes} bytes`, "too_large");
      }
      chunks.push(buffer);
    }
  } catch (error) {
    res.body.destroy();
    source.destroy();
    if (error instanceof HttpError) throw error;
    if (decoder && isZlibError(error)) throw new HttpError(`bad ${encoding} content encoding`, "network");
    throw error;
  }
  if (decoder) {
    delete headers["content-encoding"];
    delete headers["content-length"];
  }
  const out = Buffer.concat(chunks, total);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("Z_") || code.startsWith("ERR__") || code.includes("BROTLI"));
}

function makeResponse(url: string, status: number, headers: Record<string, string>, body: Uint8Array, fromCache: boolean): HttpResponse {
  let decoded: string | null = null;
  const text = (): string => {
    if (decoded === null) decoded = decodeText(body, charsetOf(headers["content-type"]));
    return decoded;
  };
  return {
    url,
    status,
    headers: { ...headers },
    body,
    fromCache,
    text,
    json: () => JSON.parse(text()) as unknown,
  };
}

/** Maps whatever undici, net or zlib threw to an HttpError. */
function translateError(error: unknown, timedOut: boolean, url: URL): HttpError {
  const own = findHttpError(error);
  if (own && own.code !== "timeout") return own;
  if (timedOut || own) return own ?? new HttpError(`timed out fetching ${url.host}`, "timeout");
  const code = errorCode(error);
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return new HttpError(`timed out connecting to ${url.host}`, "timeout");
    case "UND_ERR_HEADERS_TIMEOUT":
      return new HttpError(`timed out waiting for the response headers from ${url.host}`, "timeout");
    case "UND_ERR_BODY_TIMEOUT":
      return new HttpError(`timed out reading the response body from ${url.host}`, "timeout");
    case "ETIMEDOUT":
      return new HttpError(`timed out connecting to ${url.host}`, "timeout");
    case "UND_ERR_ABORTED":
    case "ABORT_ERR":
      return new HttpError(`request to ${url.host} aborted`, "network");
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new HttpError(`network error fetching ${url.host}: ${code ? `${code} ` : ""}${message}`.trim(), "network");
    }
  }
}

function findHttpError(error: unknown): HttpError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof HttpError) return current;
    if (current instanceof AggregateError) {
      for (const inner of current.errors) if (inner instanceof HttpError) return inner;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if ((current as { name?: unknown }).name === "AbortError") return "ABORT_ERR";
    current = (current as { cause?: unknown }).cause;
  }
  return null;
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

/** A counting semaphore per host: at most `limit` requests in flight to one host:port. */
class HostLimiter {
  private readonly hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [] };
      this.hosts.set(host, state);
    }
    if (signal.aborted) throw signal.reason ?? new Error("aborted");
    if (state.active < this.limit) {
      state.active++;
    } else {
      const s = state;
      await new Promise<void>((resolve, reject) => {
        const grant = (): void => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const i = s.waiting.indexOf(grant);
          if (i >= 0) s.waiting.splice(i, 1);
          reject(signal.reason ?? new Error("aborted"));
        };
        s.waiting.push(grant);
        signal.addEventListener("abort", onAbort, { once: true });
      });
      // The slot was handed over by release(): active was not decremented.
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const s = this.hosts.get(host)!;
      const next = s.waiting.shift();
      if (next) {
        next();
      } else {
        s.active--;
        if (s.active === 0) this.hosts.delete(host);
      }
    };
  }
}
