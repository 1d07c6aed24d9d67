// A SearXNG instance's JSON API (GET /search?q=...&format=json; no key). The instance must allow the
// json format in settings.yml (search.formats), or it answers 403.
import type { SearchRequest, SourceHit } from "./provider.js";
import { normalizeApiDate } from "../domain/dates.js";
import { RateLimiter } from "../domain/rate-limit.js";
import { ApiProvider, type ProviderOptions } from "./api-provider.js";
import { hostnameOf, isHttpUrl, rankScore } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { ProviderError } from "./provider-error.js";
import { requestJson } from "./request-json.js";
import { clampLimit, primaryLanguage, timeWindow } from "./search-request.js";

export interface SearxngOptions extends ProviderOptions {
  /** The instance's base URL (SEARXNG_URL), e.g. "https://searx.example.org" or ".../searxng". */
  baseUrl: string;
}

export class SearxngProvider extends ApiProvider {
  constructor(options: SearxngOptions) {
    if (!options.baseUrl) throw new ProviderError("searxng: SEARXNG_URL is not set", "searxng", "auth");
    super("searxng", options, {
      // A self-hosted instance is easy to overload (and its upstream engines rate-limit it).
      limiter: () => new RateLimiter({ perSecond: 2, burst: 2 }),
      timeoutMs: 15_000,
      policy: {
        // An instance URL may embed credentials or a token; keep it out of messages.
        secrets: [options.baseUrl],
        describeError: (status) => (status === 403 ? "forbidden: is the json format enabled in the instance's search.formats?" : null),
        isAuthError: (status) => status === 401,
      },
    });
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const limit = clampLimit(request.limit, 50);
    const url = new URL(`${this.baseUrl}/search`);
    url.searchParams.set("q", request.query);
    url.searchParams.set("format", "json");
    url.searchParams.set("pageno", "1");
    if (primaryLanguage(request.language)) url.searchParams.set("language", request.language.trim());
    const window = timeWindow(request.maxAgeDays);
    if (window) url.searchParams.set("time_range", window);
    const { data } = await requestJson(this.http, { url: url.toString(), method: "GET", signal }, this.policy);
    if (!isRecord(data) || !Array.isArray(data.results)) {
      throw new ProviderError(`${this.id}: unexpected response (no results list)`, this.id, "bad_response");
    }
    const hits: SourceHit[] = [];
    const seen = new Set<string>();
    for (const r of arr(data.results)) {
      if (!isRecord(r) || !isHttpUrl(r.url) || seen.has(r.url)) continue;
      seen.add(r.url);
      hits.push({
        provider: this.id,
        url: r.url,
        title: str(r.title)?.trim() ?? r.url,
        publisher: hostnameOf(r.url),
        author: null,
        publishedAt: normalizeApiDate(r.publishedDate),
        snippet: str(r.content)?.trim() ?? null,
        score: rankScore(hits.length),
      });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}
