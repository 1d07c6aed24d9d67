// The HTTP client behind every request that leaves the machine: undici with the SSRF guard at
// connect time, redirects followed by hand (each Location checked again), timeouts, a response
// size cap (counted after decompression), a small per-host concurrency limit, and an optional
// page cache revalidated with ETag / Last-Modified.
import { Agent } from "undici";
import { charsetOf, decodeText } from "../extract/decode.js";
import { readBody } from "./body.js";
import { firstValue, flattenHeaders, requestHeaders, withoutCredentials } from "./headers.js";
import { HostLimiter } from "./host-limiter.js";
import { addValidators, cacheable, revalidated, type HttpCache } from "./http-cache.js";
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from "./http-client.js";
import { checkUrl, createSafeConnector, type Resolver } from "./ssrf.js";
import { translateError } from "./transport-error.js";

export const DEFAULT_USER_AGENT = "VerityBot/0.1 (+https://github.com/verity-factcheck/verity; fact-checking)";

interface HttpClientOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Default response size cap in bytes (10 MB); a request may lower or raise it. */
  maxBytes?: number;
  maxRedirects?: number;
  perHostConcurrency?: number;
  /** "host:port" entries that any request may reach although private. Tests only (their fixture pages). */
  allowedPrivateHosts?: readonly string[];
  /**
   * "host:port" of the endpoints the operator configured (SEARXNG_URL, VERITY_*_URL): requests marked
   * `operatorEndpoint` may reach them although private (a SearXNG on 127.0.0.1); no other request may.
   */
  operatorHosts?: readonly string[];
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

export function createHttpClient(options: HttpClientOptions = {}): ClosableHttpClient {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const defaultMaxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const allowedPrivateHosts = [...(options.allowedPrivateHosts ?? [])];
  const operatorHosts = [...allowedPrivateHosts, ...(options.operatorHosts ?? [])];
  const cache = options.cache;
  const now = options.now ?? (() => new Date());
  const limiter = new HostLimiter(Math.max(1, options.perHostConcurrency ?? 2));
  const newAgent = (allowed: string[]) =>
    new Agent({
      connect: createSafeConnector({
        timeout: options.connectTimeoutMs ?? 5000,
        resolver: options.resolver,
        allowedPrivateHosts: allowed,
      }),
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      bodyTimeout: options.bodyTimeoutMs ?? 15_000,
    });
  // Two connection pools, so that a connection opened to an operator's private endpoint never
  // carries a request that was not meant for it.
  const agent = newAgent(allowedPrivateHosts);
  const operatorAgent = options.operatorHosts?.length ? newAgent(operatorHosts) : agent;

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "POST") throw new HttpError(`unsupported method ${String(method)}`, "bad_url");
    const maxBytes = req.maxBytes ?? defaultMaxBytes;
    const allowed = req.operatorEndpoint ? operatorHosts : allowedPrivateHosts;
    const dispatcher = req.operatorEndpoint ? operatorAgent : agent;
    const requested = checkUrl(req.url, { allowedPrivateHosts: allowed });
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
    if (cached) addValidators(headers, cached);
    let currentMethod: "GET" | "POST" = method;
    let body: string | undefined = method === "POST" ? req.body : undefined;
    let url = requested;

    try {
      for (let hop = 0; ; hop++) {
        const release = await limiter.acquire(url.host, controller.signal);
        try {
          const res = await dispatcher.request({
            origin: url.origin,
            path: url.pathname + url.search,
            method: currentMethod,
            headers,
            body,
            signal: controller.signal,
          });
          const location = firstValue(res.headers["location"]);
          if (REDIRECTS.has(res.statusCode) && location) {
            await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
            if (hop >= maxRedirects) throw new HttpError(`more than ${maxRedirects} redirects`, "too_many_redirects");
            let next: URL;
            try {
              next = new URL(location, url);
            } catch {
              throw new HttpError(`bad redirect location: ${location.slice(0, 200)}`, "bad_url");
            }
            next = checkUrl(next.href, { allowedPrivateHosts: allowed });
            if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && currentMethod === "POST")) {
              currentMethod = "GET";
              body = undefined;
              delete headers["content-type"];
            }
            if (next.origin !== url.origin) headers = withoutCredentials(headers);
            url = next;
            continue;
          }

          if (res.statusCode === 304 && cached) {
            await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
            await cache!.put(revalidated(cached, res.headers, now().toISOString())).catch(() => undefined);
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
    close: async () => {
      await agent.close();
      if (operatorAgent !== agent) await operatorAgent.close();
    },
  };
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
