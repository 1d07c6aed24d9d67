// A SearXNG instance's JSON API (GET /search?q=...&format=json; no key). The instance must allow the
// json format in settings.yml (search.formats), or it answers 403.
import { normalizeApiDate } from "../domain/dates.js";
import { ApiProvider, type ProviderOptions } from "./api-provider.js";
import { isHttpUrl, rankedHits } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse } from "./provider-error.js";
import type { SearchRequest, SourceHit } from "./provider.js";
import { requestJson } from "./request-json.js";
import { clampLimit, primaryLanguage, timeWindow } from "./search-request.js";

interface SearxngOptions extends ProviderOptions {
  /** The instance's base URL (SEARXNG_URL), e.g. "https://searx.example.org" or ".../searxng". */
  baseUrl: string;
}

export class SearxngProvider extends ApiProvider {
  constructor(options: SearxngOptions) {
    super("searxng", options, {
      // An instance URL may embed credentials or a token: as required, it is kept out of messages.
      required: { value: options.baseUrl, setting: "SEARXNG_URL" },
      // A self-hosted instance is easy to overload (and its upstream engines rate-limit it).
      rate: { perSecond: 2, burst: 2 },
      timeoutMs: 15_000,
      policy: {
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
    if (!isRecord(data) || !Array.isArray(data.results)) throw badResponse(this.id, "no results list");
    const seen = new Set<string>();
    return rankedHits(this.id, arr(data.results), limit, (r) => {
      if (!isRecord(r) || !isHttpUrl(r.url) || seen.has(r.url)) return null;
      seen.add(r.url);
      return {
        url: r.url,
        title: str(r.title)?.trim() ?? r.url,
        publishedAt: normalizeApiDate(r.publishedDate),
        snippet: str(r.content)?.trim() ?? null,
      };
    });
  }
}
