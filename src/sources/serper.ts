// Serper, Google results as JSON (POST /search, key in X-API-KEY). Organic results only; relative
// dates ("3 days ago") are left out rather than guessed.
import { normalizeApiDate } from "../domain/dates.js";
import { API_RATE, ApiProvider, type ProviderOptions } from "./api-provider.js";
import { isHttpUrl, rankedHits } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse } from "./provider-error.js";
import type { SearchRequest, SourceHit } from "./provider.js";
import { requestJson } from "./request-json.js";
import { clampLimit, primaryLanguage, timeWindow } from "./search-request.js";

const SERPER_API = "https://google.serper.dev";

interface SerperOptions extends ProviderOptions {
  apiKey: string;
}

export class SerperProvider extends ApiProvider {
  private readonly apiKey: string;

  constructor(options: SerperOptions) {
    super("serper", options, {
      defaultBaseUrl: SERPER_API,
      required: { value: options.apiKey, setting: "SERPER_API_KEY" },
      rate: API_RATE,
      policy: {
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
    if (!isRecord(data)) throw badResponse(this.id);
    const organic = arr(data.organic)
      .filter(isRecord)
      .map((r, i) => ({ r, order: typeof r.position === "number" ? r.position : i + 1 }))
      .sort((a, b) => a.order - b.order);
    return rankedHits(this.id, organic, limit, ({ r }) =>
      isHttpUrl(r.link)
        ? {
            url: r.link,
            title: str(r.title)?.trim() ?? r.link,
            publishedAt: normalizeApiDate(r.date),
            snippet: str(r.snippet)?.trim() ?? null,
          }
        : null,
    );
  }
}
