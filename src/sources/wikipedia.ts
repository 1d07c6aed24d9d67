// Wikipedia through the MediaWiki Action API: a full-text search (list=search) in the check's
// language, then the plain text of the best articles (prop=extracts with explaintext), so the read
// stage has nothing to fetch. Disambiguation pages are skipped (prop=pageprops).
//
// TextExtracts returns one whole-article extract per request ("multiple extracts can only be
// returned if exintro is set"), so the extracts request follows `excontinue` until every wanted page
// has its text: one call for the search, then one per article, all through the same rate limiter.
import { stripTags } from "../domain/html-text.js";
import type { HttpClient } from "../fetch/http-client.js";
import { API_RATE, commonPolicy, type ProviderOptions } from "./api-provider.js";
import { rankedHits } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse, ProviderError } from "./provider-error.js";
import type { SearchRequest, SourceHit, SourceProvider } from "./provider.js";
import { requestJson, type RequestPolicy } from "./request-json.js";
import { clampLimit, primaryLanguage } from "./search-request.js";

interface WikipediaOptions extends ProviderOptions {
  /** API endpoint; `{lang}` is replaced by the wiki's language code. */
  baseUrl?: string;
  /** Article URL template; `{lang}` and `{title}` are replaced. */
  articleUrl?: string;
  /** How many articles get their full text (5 at most by default). */
  maxArticles?: number;
  /** Article text is cut at this many characters. */
  maxTextChars?: number;
  /** Sent as Api-User-Agent, as Wikimedia's User-Agent policy asks of API clients. */
  userAgent?: string;
}

const WIKIPEDIA_API = "https://{lang}.wikipedia.org/w/api.php";
const WIKIPEDIA_ARTICLE = "https://{lang}.wikipedia.org/wiki/{title}";
const DEFAULT_USER_AGENT = "Verity/0.1 (open-source fact-checking tool)";

export class WikipediaProvider implements SourceProvider {
  readonly id = "wikipedia";
  private readonly http: HttpClient;
  private readonly baseUrl: string;
  private readonly articleUrl: string;
  private readonly maxArticles: number;
  private readonly maxTextChars: number;
  private readonly policy: RequestPolicy;
  private readonly userAgent: string;

  constructor(options: WikipediaOptions) {
    this.http = options.http;
    this.baseUrl = options.baseUrl ?? WIKIPEDIA_API;
    this.articleUrl = options.articleUrl ?? WIKIPEDIA_ARTICLE;
    this.maxArticles = options.maxArticles ?? 5;
    this.maxTextChars = options.maxTextChars ?? 200_000;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.policy = {
      // Wikimedia asks API clients to keep requests modest; a few per second is well inside that.
      ...commonPolicy(this.id, options, API_RATE),
      describeError: mediaWikiErrorText,
    };
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const lang = primaryLanguage(request.language) ?? "en";
    const limit = clampLimit(request.limit, this.maxArticles);

    const found = await this.api(
      lang,
      {
        action: "query",
        list: "search",
        srsearch: request.query,
        srnamespace: "0",
        srlimit: String(limit),
        srprop: "snippet|timestamp",
        srinfo: "",
      },
      signal,
    );
    const results = arr(isRecord(found.query) ? found.query.search : undefined)
      .filter(isRecord)
      .map((r) => ({ pageid: typeof r.pageid === "number" ? r.pageid : null, title: str(r.title), snippet: str(r.snippet) }))
      .filter((r): r is { pageid: number; title: string; snippet: string | null } => r.pageid !== null && r.title !== null);
    if (results.length === 0) return [];

    const pages = await this.pages(
      lang,
      results.map((r) => r.pageid),
      signal,
    );
    return rankedHits(this.id, results, limit, (result) => {
      const page = pages.get(result.pageid);
      if (!page || page.disambiguation || !page.extract) return null;
      const title = page.title ?? result.title;
      return {
        url: this.articleUrlFor(lang, title),
        title,
        publisher: "Wikipedia",
        publishedAt: null,
        snippet: result.snippet ? stripTags(result.snippet) : null,
        text: page.extract.length > this.maxTextChars ? page.extract.slice(0, this.maxTextChars) : page.extract,
      };
    });
  }

  /** Extracts and page props for the pages, following `excontinue` until each page has its text. */
  private async pages(lang: string, pageids: number[], signal: AbortSignal): Promise<Map<number, PageInfo>> {
    const pages = new Map<number, PageInfo>();
    let cont: Record<string, string> = {};
    for (let round = 0; round <= pageids.length; round++) {
      const data = await this.api(
        lang,
        {
          action: "query",
          prop: "extracts|pageprops",
          pageids: pageids.join("|"),
          redirects: "1",
          explaintext: "1",
          exsectionformat: "plain",
          exlimit: "max",
          ppprop: "disambiguation",
          ...cont,
        },
        signal,
      );
      for (const raw of arr(isRecord(data.query) ? data.query.pages : undefined)) {
        if (!isRecord(raw) || typeof raw.pageid !== "number") continue;
        const seen = pages.get(raw.pageid) ?? { title: null, extract: null, disambiguation: false };
        seen.title = str(raw.title) ?? seen.title;
        seen.extract = str(raw.extract)?.trim() || seen.extract;
        seen.disambiguation ||= isRecord(raw.pageprops) && "disambiguation" in raw.pageprops;
        pages.set(raw.pageid, seen);
      }
      if (!isRecord(data.continue)) break;
      cont = Object.fromEntries(
        Object.entries(data.continue)
          .filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number")
          .map(([k, v]) => [k, String(v)]),
      );
    }
    return pages;
  }

  private async api(lang: string, params: Record<string, string>, signal: AbortSignal): Promise<Record<string, unknown>> {
    const url = new URL(this.baseUrl.replaceAll("{lang}", lang));
    for (const [key, value] of Object.entries({ ...params, format: "json", formatversion: "2", utf8: "1" }))
      url.searchParams.set(key, value);
    const { data } = await requestJson(
      this.http,
      { url: url.toString(), method: "GET", headers: { "Api-User-Agent": this.userAgent }, signal },
      this.policy,
    );
    if (!isRecord(data)) throw badResponse(this.id);
    // MediaWiki reports errors in a 200 response: {"error": {"code", "info"}}.
    if (isRecord(data.error)) {
      const code = str(data.error.code) ?? "error";
      const info = str(data.error.info) ?? "";
      throw new ProviderError(
        `${this.id}: API error ${code}${info ? ` (${info.slice(0, 160)})` : ""}`,
        this.id,
        "api",
        200,
        code === "maxlag" || code === "ratelimited",
      );
    }
    return data;
  }

  private articleUrlFor(lang: string, title: string): string {
    return this.articleUrl.replaceAll("{lang}", lang).replaceAll("{title}", wikiTitlePath(title));
  }
}

interface PageInfo {
  title: string | null;
  extract: string | null;
  disambiguation: boolean;
}

/** A title as it appears in an article URL: spaces as underscores, percent-encoded as MediaWiki does. */
function wikiTitlePath(title: string): string {
  return encodeURIComponent(title.trim().replace(/ /g, "_")).replace(/%(2F|3A|2C|40|24|3B)/gi, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function mediaWikiErrorText(_status: number, body: unknown): string | null {
  if (isRecord(body) && isRecord(body.error)) return str(body.error.info) ?? str(body.error.code);
  return null;
}
