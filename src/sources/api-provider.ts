// The skeleton every web API provider shares: its client, its base URL and its request policy,
// from the options every provider accepts.
import type { RateLimiter } from "../domain/rate-limit.js";
import type { Sleep } from "../domain/sleep.js";
import type { HttpClient } from "../fetch/http-client.js";
import type { SearchRequest, SourceHit, SourceProvider } from "./provider.js";
import type { RequestPolicy } from "./request-json.js";

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

/** The base URL without trailing slashes, so paths can be appended. */
function trimBase(url: string): string {
  return url.replace(/\/+$/, "");
}
