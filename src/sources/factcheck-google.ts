// Professional fact-checks through the Google Fact Check Tools API (claims:search over ClaimReview
// markup). Each review of a matching claim becomes a hit with `factCheck` set, and a one-sentence
// plain text the pipeline can quote: `PolitiFact rated the claim "..." (by ...) as "False".`
import { normalizeApiDate } from "../domain/dates.js";
import { API_RATE, ApiProvider, type ProviderOptions } from "./api-provider.js";
import { hostnameOf, isHttpUrl, rankedHit } from "./hits.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse } from "./provider-error.js";
import type { SearchRequest, SourceHit } from "./provider.js";
import { requestJson } from "./request-json.js";
import { clampLimit, primaryLanguage } from "./search-request.js";

const FACTCHECK_API = "https://factchecktools.googleapis.com";

interface GoogleFactCheckOptions extends ProviderOptions {
  apiKey: string;
}

export class GoogleFactCheckProvider extends ApiProvider {
  private readonly apiKey: string;

  constructor(options: GoogleFactCheckOptions) {
    super("factcheck", options, {
      defaultBaseUrl: FACTCHECK_API,
      required: { value: options.apiKey, setting: "GOOGLE_FACTCHECK_API_KEY" },
      rate: API_RATE,
      policy: {
        // Google APIs answer {"error": {"code", "message", "status"}}; a bad key is a 400 INVALID_ARGUMENT
        // ("API key not valid") or a 403 PERMISSION_DENIED.
        describeError: (_status, body) =>
          isRecord(body) && isRecord(body.error) ? (str(body.error.message) ?? str(body.error.status)) : null,
        isAuthError: (status, body) =>
          status === 401 ||
          status === 403 ||
          (status === 400 && isRecord(body) && isRecord(body.error) && /api key/i.test(String(body.error.message ?? ""))),
      },
    });
    this.apiKey = options.apiKey;
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const limit = clampLimit(request.limit, 50);
    const url = new URL(`${this.baseUrl}/v1alpha1/claims:search`);
    url.searchParams.set("query", request.query);
    if (primaryLanguage(request.language)) url.searchParams.set("languageCode", request.language.trim());
    url.searchParams.set("pageSize", String(limit));
    // The key goes in the X-Goog-Api-Key header rather than `?key=`, so it never sits in a URL.
    const { data } = await requestJson(
      this.http,
      { url: url.toString(), method: "GET", headers: { "X-Goog-Api-Key": this.apiKey }, signal },
      this.policy,
    );
    // No match is an empty object, not an empty list.
    if (!isRecord(data)) throw badResponse(this.id);
    const hits: SourceHit[] = [];
    for (const claim of arr(data.claims)) {
      if (!isRecord(claim)) continue;
      const text = str(claim.text)?.trim();
      if (!text) continue;
      const claimant = str(claim.claimant)?.trim() ?? null;
      for (const review of arr(claim.claimReview)) {
        if (!isRecord(review)) continue;
        const reviewUrl = str(review.url);
        const rating = str(review.textualRating)?.trim();
        if (!isHttpUrl(reviewUrl) || !rating) continue;
        const publisherInfo = isRecord(review.publisher) ? review.publisher : {};
        const publisher = str(publisherInfo.name)?.trim() ?? str(publisherInfo.site)?.trim() ?? hostnameOf(reviewUrl) ?? "a fact-checker";
        const title = str(review.title)?.trim() ?? null;
        const reviewedAt = normalizeApiDate(review.reviewDate);
        const fields = {
          url: reviewUrl,
          title: title ?? `${publisher}: ${text}`,
          publisher,
          publishedAt: reviewedAt,
          snippet: `${rating}: ${text}`,
          text: renderFinding(publisher, text, claimant, rating),
          factCheck: {
            claim: text,
            claimant,
            publisher,
            rating,
            url: reviewUrl,
            title,
            reviewedAt,
            language: str(review.languageCode) ?? null,
          },
        };
        hits.push(rankedHit(this.id, fields, hits.length));
      }
    }
    return hits.slice(0, limit);
  }
}

/** `<publisher> rated the claim "<claim>" (by <claimant>) as "<rating>".` */
function renderFinding(publisher: string, claim: string, claimant: string | null, rating: string): string {
  return `${publisher} rated the claim "${claim}"${claimant ? ` (by ${claimant})` : ""} as "${rating}".`;
}
