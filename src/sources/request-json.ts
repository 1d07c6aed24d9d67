// One JSON request to a provider's API: a timeout, bounded retries (exponential backoff with
// jitter, Retry-After honoured up to a cap) on 429, 5xx and network failures, the provider's rate
// limiter, and short errors that name the provider and the status and never carry an API key.
import type { RateLimiter } from "../domain/rate-limit.js";
import { realSleep, type Sleep } from "../domain/sleep.js";
import { headerValue, parseRetryAfter } from "../fetch/headers.js";
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from "../fetch/http-client.js";
import { isRecord } from "./json-fields.js";
import { ProviderError, type ProviderErrorKind } from "./provider-error.js";

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

interface JsonResponse {
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
        // Every JSON API is asked at the base URL the operator configured (or the provider's default).
        operatorEndpoint: true,
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
function genericMessage(body: unknown): string | null {
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
