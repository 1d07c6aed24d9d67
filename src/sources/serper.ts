// Serper, Google results as JSON (POST /search, key in X-API-KEY). Organic results only; relative
// dates ("3 days ago") are left out rather than guessed.
import type { SearchRequest, SourceHit } from "./provider.js";
import { normalizeApiDate } from "../domain/dates.js";
import { RateLimiter } from "../domain/rate-limit.js";
import { ApiProvider, type ProviderOptions } from "./api-provider.js";
import { hostnameOf, isHttpUrl, rankScore } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { ProviderError } from "./provider-error.js";
import { requestJson } from "./request-json.js";
import { clampLimit, primaryLanguage, timeWindow } from "./search-request.js";

export const SERPER_API = "https://google.serper.dev";

export interface SerperOptions extends ProviderOptions {
  apiKey: string;
}

export class SerperProvider extends ApiProvider {
  private readonly apiKey: string;

  constructor(options: SerperOptions) {
    if (!options.apiKey) throw new ProviderError("serper: SERPER_API_KEY is not set", "serper", "auth");
    super("serper", options, {
      defaultBaseUrl: SERPER_API,
      limiter: () => new RateLimiter({ perSecond: 5, burst: 3 }),
      policy: {
        secrets: [options.apiKey],
        // Serper errors: {"message": "Unauthorized.", "statusCode": 403}.
        describeError: (_status, body) => (isRecord(body) ? str(body.message) : null),
      },
    });
    this.apiKey = options.apiKey;
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const limit = clampLimit(request.limit, 100);
    const body: Record<string, unknown> = { q: request.query, num: limit };
    const lang = primaryLanguage(request.language);
    if (lang) body.hl = lang;
    // Google's tbs=qdr:d|w|m|y restricts results to the past day, week, month or year.
    const window = timeWindow(request.maxAgeDays);
    if (window) body.tbs = `qdr:${window[0]}`;
    const { data } = await requestJson(
      this.http,
      {
        url: `${this.baseUrl}/search`,
        method: "POST",
        headers: { "X-API-KEY": this.apiKey, "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal,
      },
      this.policy,
    );
    if (!isRecord(data)) throw new ProviderError(`${this.id}: unexpected response`, this.id, "bad_response");
    const organic = arr(data.organic)
      .filter(isRecord)
      .map((r, i) => ({ r, order: typeof r.position === "number" ? r.position : i + 1 }))
      .sort((a, b) => a.order - b.order);
    const hits: SourceHit[] = [];
    for (const { r } of organic) {
      if (!isHttpUrl(r.link)) continue;
      hits.push({
        provider: this.id,
        url: r.link,
        title: str(r.title)?.trim() ?? r.link,
        publisher: hostnameOf(r.link),
        author: null,
        publishedAt: normalizeApiDate(r.date),
        snippet: str(r.snippet)?.trim() ?? null,
        score: rankScore(hits.length),
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
