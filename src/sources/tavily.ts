// Tavily search API (POST /search, key as "Authorization: Bearer"). Tavily can return each page's
// cleaned text (raw_content); a hit carries it as `text` only when it is substantial (over 500
// characters), otherwise the read stage fetches the page itself.
import { normalizeApiDate } from "../domain/dates.js";
import { API_RATE, ApiProvider, type ProviderOptions } from "./api-provider.js";
import { isHttpUrl, rankedHits } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse } from "./provider-error.js";
import type { SearchRequest, SourceHit } from "./provider.js";
import { requestJson } from "./request-json.js";
import { clampLimit, timeWindow } from "./search-request.js";

const TAVILY_API = "https://api.tavily.com";
const MIN_RAW_CONTENT = 500;

interface TavilyOptions extends ProviderOptions {
  apiKey: string;
  /** Ask Tavily for each page's cleaned text (saves a page fetch). On by default. */
  includeRawContent?: boolean;
  /** Cap on a page's text taken from raw_content. */
  maxTextChars?: number;
}

export class TavilyProvider extends ApiProvider {
  private readonly apiKey: string;
  private readonly includeRawContent: boolean;
  private readonly maxTextChars: number;

  constructor(options: TavilyOptions) {
    super("tavily", options, {
      defaultBaseUrl: TAVILY_API,
      required: { value: options.apiKey, setting: "TAVILY_API_KEY" },
      rate: API_RATE,
      timeoutMs: 20_000,
      policy: {
        // FastAPI-style errors: {"detail": {"error": "Unauthorized: missing or invalid API key."}}.
        describeError: (_status, body) => {
          if (!isRecord(body)) return null;
          if (isRecord(body.detail)) return str(body.detail.error) ?? str(body.detail.message);
          return str(body.detail) ?? str(body.error) ?? str(body.message);
        },
        // 432/433: the plan's or the pay-as-you-go credit limit is used up; waiting will not help.
        isAuthError: (status) => status === 401 || status === 403,
      },
    });
    this.apiKey = options.apiKey;
    this.includeRawContent = options.includeRawContent ?? true;
    this.maxTextChars = options.maxTextChars ?? 200_000;
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const limit = clampLimit(request.limit, 20);
    const body = {
      query: request.query,
      max_results: limit,
      search_depth: "basic",
      topic: "general",
      include_answer: false,
      include_images: false,
      include_raw_content: this.includeRawContent,
      ...(timeWindow(request.maxAgeDays) ? { time_range: timeWindow(request.maxAgeDays) } : {}),
    };
    const { data } = await requestJson(
      this.http,
      {
        url: `${this.baseUrl}/search`,
        method: "POST",
        headers: { Authorization: `Bearer ${this.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal,
      },
      this.policy,
    );
    if (!isRecord(data) || !Array.isArray(data.results)) throw badResponse(this.id, "no results list");
    return rankedHits(this.id, arr(data.results), limit, (r) => {
      if (!isRecord(r) || !isHttpUrl(r.url)) return null;
      const raw = str(r.raw_content)?.trim() ?? null;
      const content = str(r.content)?.trim() ?? null;
      return {
        url: r.url,
        title: str(r.title)?.trim() ?? r.url,
        publishedAt: normalizeApiDate(r.published_date),
        snippet: content ? content.slice(0, 500) : null,
        text: raw && raw.length > MIN_RAW_CONTENT ? (raw.length > this.maxTextChars ? raw.slice(0, this.maxTextChars) : raw) : undefined,
      };
    });
  }
}
