// The one HTTP client interface for everything that leaves the machine
// (providers, the page reader, model endpoints that do not bring their own).
export interface HttpRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Whole-request timeout; the client also has connect and header timeouts of its own. */
  timeoutMs?: number;
  /** Response size cap in bytes; larger bodies fail with code "too_large". */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Use and fill the page cache (GET only; revalidated with ETag / Last-Modified). */
  cache?: boolean;
  /**
   * The request goes to an API endpoint the operator configured (a search provider's base URL), never
   * to a URL from a user or a fetched page: it may reach the client's `operatorHosts` although private.
   */
  operatorEndpoint?: boolean;
}

export interface HttpResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  fromCache: boolean;
  text(): string;
  json(): unknown;
}

type HttpErrorCode = "timeout" | "too_large" | "forbidden_address" | "bad_url" | "too_many_redirects" | "network" | "http";

export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    message: string,
    readonly code: HttpErrorCode,
    readonly status: number | null = null,
    /** Seconds, from a Retry-After header on 429 / 503. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

export interface HttpClient {
  /** Resolves for every HTTP status (check `status`); rejects with HttpError on everything else. */
  request(req: HttpRequest): Promise<HttpResponse>;
}
