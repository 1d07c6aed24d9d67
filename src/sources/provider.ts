// The one interface every source of evidence implements: the local library now,
// Wikipedia, fact-check APIs and web search later, without touching the stages.
export interface SearchRequest {
  query: string;
  claimId: string;
  limit: number;
  language: string;
  /** Only results published within this many days (time-sensitive questions); providers that can filter by date do. */
  maxAgeDays?: number;
}

export interface SourceHit {
  provider: string;
  /** http(s) URL, or `library:<document id>` for the local library. */
  url: string;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  snippet: string | null;
  /** Provider-relative relevance; higher is better. */
  score: number;
  /** The full text, when the provider already holds it; otherwise the read stage fetches `url`. */
  text?: string;
  /** A professional fact-check of the claim (ClaimReview), shown as "What other fact-checkers found". */
  factCheck?: FactCheckFinding;
}

interface FactCheckFinding {
  claim: string;
  claimant: string | null;
  publisher: string;
  rating: string;
  url: string;
  title: string | null;
  reviewedAt: string | null;
  language: string | null;
}

export interface SourceProvider {
  readonly id: string;
  search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]>;
}
