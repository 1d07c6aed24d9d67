// What every web source provider shares, so none of them repeats it: one JSON request with a
// timeout, bounded retries (exponential backoff with jitter, Retry-After honoured up to a cap) on
// 429, 5xx and network failures, a per-provider rate limiter, and short errors that name the
// provider and the status and never carry an API key.
import { headerValue, parseRetryAfter } from "../fetch/headers.js";
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from "../fetch/http-client.js";
import type { SearchRequest, SourceHit, SourceProvider } from "./provider.js";
import type { RateLimiter } from "../domain/rate-limit.js";
import { realSleep, type Sleep } from "../domain/sleep.js";

export type ProviderErrorKind =
  | "auth" // the key is missing, wrong or not allowed here
  | "rate_limit" // 429, after the retries (or a wait longer than the cap)
  | "http" // any other non-2xx status
  | "api" // a 2xx answer that carries an error (MediaWiki does this)
  | "timeout"
  | "network"
  | "bad_response"; // not JSON, or not the documented shape

/** A provider failure, with a one-line message such as "brave: HTTP 401 (invalid API key)". */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    readonly status: number | null = null,
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** How one provider talks to its API: everything `requestJson` needs besides the request. */
export interface RequestPolicy {
  /** The provider id, used in every error message. */
  provider: string;
  /** Per-attempt timeout in ms (10 s by default). */
  timeoutMs?: number;
  /** Retries after the first attempt (2 by default). */
  maxRetries?: number;
  /** First backoff delay in ms (500 by default); doubles each retry, with jitter. */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay in ms (8 s by default). */
  maxDelayMs?: number;
  /** Longest Retry-After honoured, in ms (30 s by default); a longer one fails at once instead. */
  maxRetryAfterMs?: number;
  /** Response size cap in bytes (5 MB by default). */
  maxBytes?: number;
  sleep?: Sleep;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
  limiter?: RateLimiter | null;
  /** Strings that must never appear in an error message (API keys). */
  secrets?: (string | undefined)[];
  /** The provider's own error text from an error body ("invalid API key", the API's message). */
  describeError?: (status: number, body: unknown) => string | null;
  /** Which statuses mean "bad credentials" for this provider (401 and 403 by default). */
  isAuthError?: (status: number, body: unknown) => boolean;
  /** Seconds to wait from provider-specific headers when Retry-After is absent (e.g. X-RateLimit-Reset). */
  retryAfterFrom?: (headers: Record<string, string>) => number | null;
}

/** The options every provider constructor accepts besides its own. */
export interface ProviderOptions {
  http: HttpClient;
  baseUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: Sleep;
  random?: () => number;
  /** The provider's rate limiter; `null` turns limiting off. Each provider has its own by default. */
  limiter?: RateLimiter | null;
}

export interface JsonResponse {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

const DEFAULTS = {
  timeoutMs: 10_000,
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  maxBytes: 5_000_000,
};

/**
 * One JSON request with retries. Resolves with the parsed body of a 2xx answer; rejects with a
 * ProviderError otherwise, or with the caller's abort reason when `req.signal` aborts.
 */
export async function requestJson(http: HttpClient, req: HttpRequest, policy: RequestPolicy): Promise<JsonResponse> {
  const maxRetries = Math.max(0, policy.maxRetries ?? DEFAULTS.maxRetries);
  const sleep = policy.sleep ?? realSleep;
  const random = policy.random ?? Math.random;
  const timeoutMs = policy.timeoutMs ?? DEFAULTS.timeoutMs;
  const outer = req.signal;

  for (let attempt = 0; ; attempt++) {
    outer?.throwIfAborted();
    if (policy.limiter) await policy.limiter.acquire(outer, sleep);

    let failure: ProviderError;
    let retryAfterSeconds: number | null = null;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    try {
      const res = await http.request({
        ...req,
        headers: { Accept: "application/json", ...req.headers },
        timeoutMs,
        maxBytes: req.maxBytes ?? policy.maxBytes ?? DEFAULTS.maxBytes,
        signal,
      });
      if (res.status >= 200 && res.status < 300) return { status: res.status, headers: res.headers, data: parseBody(res, policy) };
      const body = safeJson(res);
      failure = statusError(res.status, body, policy);
      if (failure.retryable) retryAfterSeconds = retryAfterOf(res.headers, policy);
    } catch (error) {
      if (outer?.aborted) throw outer.reason;
      if (error instanceof ProviderError) throw error;
      failure = transportError(error, policy, timeout.aborted, timeoutMs);
    }

    if (!failure.retryable || attempt >= maxRetries) throw failure;
    const maxRetryAfterMs = policy.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs;
    let delay: number;
    if (retryAfterSeconds !== null) {
      // The server said when to come back. Waiting longer than the cap is pointless for an
      // interactive check (a monthly quota, say): fail now so a fallback provider can answer.
      if (retryAfterSeconds * 1000 > maxRetryAfterMs) {
        throw new ProviderError(
          `${failure.message} (retry after ${Math.round(retryAfterSeconds)}s)`,
          failure.provider,
          failure.kind,
          failure.status,
          false,
        );
      }
      delay = Math.round(retryAfterSeconds * 1000);
    } else {
      const cap = Math.min(policy.maxDelayMs ?? DEFAULTS.maxDelayMs, (policy.baseDelayMs ?? DEFAULTS.baseDelayMs) * 2 ** attempt);
      delay = Math.round(cap / 2 + (cap / 2) * random()); // "equal jitter": half fixed, half random
    }
    await sleep(delay, outer);
  }
}

function parseBody(res: HttpResponse, policy: RequestPolicy): unknown {
  try {
    return res.json();
  } catch {
    throw new ProviderError(`${policy.provider}: the response is not valid JSON`, policy.provider, "bad_response", res.status);
  }
}

function safeJson(res: HttpResponse): unknown {
  try {
    return res.json();
  } catch {
    try {
      return res.text();
    } catch {
      return null;
    }
  }
}

const DEFAULT_STATUS_TEXT: Record<number, string> = {
  400: "bad request",
  401: "invalid API key",
  402: "payment required",
  403: "access denied",
  404: "not found",
  408: "request timeout",
  422: "request rejected",
  429: "rate limited",
  500: "server error",
  502: "bad gateway",
  503: "service unavailable",
  504: "gateway timeout",
};

function statusError(status: number, body: unknown, policy: RequestPolicy): ProviderError {
  const retryable = status === 429 || status === 408 || status >= 500;
  const isAuth = policy.isAuthError ? policy.isAuthError(status, body) : status === 401 || status === 403;
  const kind: ProviderErrorKind = status === 429 ? "rate_limit" : isAuth ? "auth" : "http";
  let detail: string | null = null;
  try {
    detail = policy.describeError?.(status, body) ?? null;
  } catch {
    detail = null;
  }
  detail = clean(
    detail ?? genericMessage(body) ?? DEFAULT_STATUS_TEXT[status] ?? (status >= 500 ? "server error" : "request failed"),
    policy,
  );
  return new ProviderError(`${policy.provider}: HTTP ${status} (${detail})`, policy.provider, kind, status, retryable);
}

/** The message of the common error shapes: {error: {message}}, {error: "..."}, {message}, {detail}. */
export function genericMessage(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const error = body.error;
  if (typeof error === "string") return error;
  if (isRecord(error)) {
    for (const key of ["message", "detail", "info"]) if (typeof error[key] === "string") return error[key] as string;
  }
  if (typeof body.message === "string") return body.message;
  if (typeof body.detail === "string") return body.detail;
  if (isRecord(body.detail) && typeof body.detail.error === "string") return body.detail.error;
  return null;
}

function transportError(error: unknown, policy: RequestPolicy, timedOut: boolean, timeoutMs: number): ProviderError {
  const p = policy.provider;
  if (timedOut || (error instanceof HttpError && error.code === "timeout")) {
    return new ProviderError(`${p}: timed out after ${Math.round(timeoutMs / 1000)}s`, p, "timeout", null, true);
  }
  if (error instanceof HttpError) {
    if (error.code === "http" && error.status !== null) return statusError(error.status, null, policy);
    if (error.code === "network")
      return new ProviderError(`${p}: network error (${clean(error.message, policy)})`, p, "network", null, true);
    if (error.code === "too_large") return new ProviderError(`${p}: the response is too large`, p, "bad_response", null, false);
    return new ProviderError(`${p}: request refused (${error.code})`, p, "network", null, false);
  }
  // Anything else thrown by a client (a fetch TypeError, a socket reset) is a network failure.
  return new ProviderError(
    `${p}: network error (${clean(error instanceof Error ? error.message : String(error), policy)})`,
    p,
    "network",
    null,
    true,
  );
}

/** One short line without secrets, URLs' query strings or markup. */
function clean(text: string, policy: RequestPolicy): string {
  let out = text;
  for (const secret of policy.secrets ?? []) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("***");
  }
  out = out
    .replace(/(https?:\/\/[^\s?#"']+)\?[^\s#"']*/gi, "$1?…")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (out.length > 160) out = `${out.slice(0, 157).trimEnd()}…`;
  return out || "request failed";
}

function retryAfterOf(headers: Record<string, string>, policy: RequestPolicy): number | null {
  const header = headerValue(headers, "retry-after");
  if (header !== undefined) {
    const seconds = parseRetryAfter(header);
    if (seconds !== null) return seconds;
  }
  return policy.retryAfterFrom?.(headers) ?? null;
}

// Small helpers for reading loosely typed API JSON without trusting it.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A display name for a URL's site: its host without "www.". */
export function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./i, "") || null;
  } catch {
    return null;
  }
}

export function isHttpUrl(url: unknown): url is string {
  if (typeof url !== "string") return false;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Rank-based relevance for providers whose own scores are not comparable: 1, 1/2, 1/3, ... */
export function rankScore(index: number): number {
  return 1 / (1 + index);
}

/** The base URL without trailing slashes, so paths can be appended. */
export function trimBase(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Search APIs cap their page size; the request's limit is clamped into [1, max]. */
export function clampLimit(limit: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(Number.isFinite(limit) ? limit : max)));
}

/**
 * The primary language subtag in lower case ("pt-BR" → "pt"), or null when there is no usable one
 * (empty, malformed, or a special code: und, mul, zxx, mis).
 */
export function primaryLanguage(language: string | undefined): string | null {
  const primary = (language ?? "").trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
  return /^[a-z]{2,3}$/.test(primary) && !["und", "mul", "zxx", "mis"].includes(primary) ? primary : null;
}

/** The request policy every provider starts from: its id, the caller's timeouts and retries, and a rate limiter. */
export function commonPolicy(
  provider: string,
  options: ProviderOptions,
  defaultLimiter: () => RateLimiter,
  defaultTimeoutMs?: number,
): RequestPolicy {
  return {
    provider,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    maxRetries: options.maxRetries,
    sleep: options.sleep,
    random: options.random,
    limiter: options.limiter === undefined ? defaultLimiter() : options.limiter,
  };
}

/** The coarse time windows search APIs offer ("day", "week", "month", "year") for a recency in days. */
export function timeWindow(maxAgeDays: number | undefined): "day" | "week" | "month" | "year" | null {
  if (maxAgeDays === undefined) return null;
  return maxAgeDays <= 1 ? "day" : maxAgeDays <= 7 ? "week" : maxAgeDays <= 31 ? "month" : "year";
}

/** What a JSON-API provider adds to the common request policy. */
export interface ApiSetup {
  /** The API's public address, used when the options name no other. */
  defaultBaseUrl?: string;
  /** The rate limiter used when the options bring none (null in the options turns limiting off). */
  limiter: () => RateLimiter;
  timeoutMs?: number;
  /** Secrets to keep out of messages, and how to read this API's error bodies. */
  policy?: Omit<Partial<RequestPolicy>, "provider">;
}

/** The skeleton every web API provider shares: its client, its base URL and its request policy. */
export abstract class ApiProvider implements SourceProvider {
  protected readonly http: HttpClient;
  protected readonly baseUrl: string;
  protected readonly policy: RequestPolicy;

  protected constructor(
    readonly id: string,
    options: ProviderOptions,
    setup: ApiSetup,
  ) {
    this.http = options.http;
    this.baseUrl = trimBase(options.baseUrl ?? setup.defaultBaseUrl ?? "");
    this.policy = { ...commonPolicy(id, options, setup.limiter, setup.timeoutMs), ...setup.policy };
  }

  abstract search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]>;
}
