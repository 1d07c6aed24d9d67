// The skeleton every web API provider shares: its client, its base URL and its request policy,
// from the options every provider accepts.
import { RateLimiter, type RateLimiterOptions } from "../domain/rate-limit.js";
import type { Sleep } from "../domain/sleep.js";
import type { HttpClient } from "../fetch/http-client.js";
import { ProviderError } from "./provider-error.js";
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

/** The pace of a hosted API unless its provider knows better: 5 requests a second, 3 back to back. */
export const API_RATE: RateLimiterOptions = { perSecond: 5, burst: 3 };

/**
 * The request policy every provider starts from: its id, the caller's timeouts and retries, and a
 * rate limiter (its own at `rate` unless the options bring one, or null for none).
 */
export function commonPolicy(
  provider: string,
  options: ProviderOptions,
  rate: RateLimiterOptions,
  defaultTimeoutMs?: number,
): RequestPolicy {
  return {
    provider,
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    maxRetries: options.maxRetries,
    sleep: options.sleep,
    random: options.random,
    limiter: options.limiter === undefined ? new RateLimiter(rate) : options.limiter,
  };
}

/** What a JSON-API provider adds to the common request policy. */
interface ApiSetup {
  /** The API's public address, used when the options name no other. */
  defaultBaseUrl?: string;
  /**
   * What the provider cannot work without (its API key, or an instance's URL) and the setting that
   * gives it: without it the provider is not built, and it never shows in a message.
   */
  required?: { value: string; setting: string };
  /** The rate of the limiter used when the options bring none (null in the options turns limiting off). */
  rate: RateLimiterOptions;
  timeoutMs?: number;
  /** How to read this API's error bodies, and any other secret to keep out of messages. */
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
    const required = setup.required;
    if (required && !required.value) throw new ProviderError(`${id}: ${required.setting} is not set`, id, "auth");
    this.http = options.http;
    this.baseUrl = trimBase(options.baseUrl ?? setup.defaultBaseUrl ?? "");
    this.policy = {
      ...commonPolicy(id, options, setup.rate, setup.timeoutMs),
      ...(required ? { secrets: [required.value] } : {}),
      ...setup.policy,
    };
  }

  abstract search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]>;
}

/** The base URL without trailing slashes, so paths can be appended. */
function trimBase(url: string): string {
  return url.replace(/\/+$/, "");
}
