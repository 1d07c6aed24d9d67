// Brave Search API, web results (GET /res/v1/web/search, key in X-Subscription-Token).
// The page itself is fetched later by the read stage; a hit carries title, URL, snippet, site name
// and, when Brave knows it, the page date (page_age).
import { normalizeApiDate } from "../domain/dates.js";
import { stripTags } from "../domain/html-text.js";
import { headerValue } from "../fetch/headers.js";
import { ApiProvider, type ProviderOptions } from "./api-provider.js";
import { hostnameOf, isHttpUrl, rankedHits } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse } from "./provider-error.js";
import type { SearchRequest, SourceHit } from "./provider.js";
import { requestJson } from "./request-json.js";
import { clampLimit, primaryLanguage, timeWindow } from "./search-request.js";

const BRAVE_API = "https://api.search.brave.com";

interface BraveOptions extends ProviderOptions {
  apiKey: string;
  /** Requests per second of the plan (the free plan allows 1). */
  perSecond?: number;
}

// Brave's search_lang codes differ from BCP 47 for a few languages.
const SEARCH_LANG: Record<string, string> = {
  ja: "jp",
  zh: "zh-hans",
  "zh-tw": "zh-hant",
  "zh-hk": "zh-hant",
  "zh-hant": "zh-hant",
  "pt-br": "pt-br",
  "en-gb": "en-gb",
};

export class BraveProvider extends ApiProvider {
  private readonly apiKey: string;

  constructor(options: BraveOptions) {
    super("brave", options, {
      defaultBaseUrl: BRAVE_API,
      required: { value: options.apiKey, setting: "BRAVE_API_KEY" },
      rate: { perSecond: options.perSecond ?? 1 },
      policy: {
        describeError: braveErrorText,
        // A wrong token is a 422 SUBSCRIPTION_TOKEN_INVALID, not a 401.
        isAuthError: (status, body) => status === 401 || status === 403 || /^SUBSCRIPTION_/.test(braveError(body)?.code ?? ""),
        // X-RateLimit-Reset: "1, 1419704" = seconds until the per-second and the monthly windows reset.
        retryAfterFrom: (headers) => {
          const reset = headerValue(headers, "x-ratelimit-reset");
          const first = reset ? Number(reset.split(",")[0]) : NaN;
          return Number.isFinite(first) && first >= 0 ? first : null;
        },
      },
    });
    this.apiKey = options.apiKey;
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const url = new URL(`${this.baseUrl}/res/v1/web/search`);
    url.searchParams.set("q", request.query.slice(0, 400));
    const limit = clampLimit(request.limit, 20);
    url.searchParams.set("count", String(limit));
    const lang = braveLanguage(request.language);
    if (lang) url.searchParams.set("search_lang", lang);
    url.searchParams.set("text_decorations", "false");
    // Brave's freshness: pd, pw, pm, py (past day, week, month, year).
    const window = timeWindow(request.maxAgeDays);
    if (window) url.searchParams.set("freshness", `p${window[0]}`);
    const { data } = await requestJson(
      this.http,
      { url: url.toString(), method: "GET", headers: { "X-Subscription-Token": this.apiKey }, signal },
      this.policy,
    );
    if (!isRecord(data)) throw badResponse(this.id);
    // `web` is absent when there are no web results.
    const results = isRecord(data.web) ? arr(data.web.results) : [];
    return rankedHits(this.id, results, limit, (r) => {
      if (!isRecord(r) || !isHttpUrl(r.url)) return null;
      const profile = isRecord(r.profile) ? str(r.profile.name) : null;
      const metaHost = isRecord(r.meta_url) ? str(r.meta_url.hostname) : null;
      const description = str(r.description);
      return {
        url: r.url,
        title: stripTags(str(r.title) ?? r.url),
        publisher: profile ?? metaHost?.replace(/^www\./, "") ?? hostnameOf(r.url),
        publishedAt: normalizeApiDate(r.page_age) ?? normalizeApiDate(r.age),
        snippet: description ? stripTags(description) : null,
      };
    });
  }
}

function braveLanguage(language: string): string | null {
  const tag = language.trim().toLowerCase().replace(/_/g, "-");
  if (SEARCH_LANG[tag]) return SEARCH_LANG[tag]!;
  const primary = primaryLanguage(tag);
  return primary ? (SEARCH_LANG[primary] ?? primary) : null;
}

/** Brave errors: {"type": "ErrorResponse", "error": {"code", "detail", "status"}} (some docs show "errors": [..]). */
function braveError(body: unknown): { code: string | null; detail: string | null } | null {
  if (!isRecord(body)) return null;
  const error = isRecord(body.error) ? body.error : Array.isArray(body.errors) && isRecord(body.errors[0]) ? body.errors[0] : null;
  return error ? { code: str(error.code), detail: str(error.detail) } : null;
}

function braveErrorText(_status: number, body: unknown): string | null {
  const error = braveError(body);
  if (!error) return null;
  if (error.code === "SUBSCRIPTION_TOKEN_INVALID") return "invalid API key";
  return error.detail ?? error.code;
}
