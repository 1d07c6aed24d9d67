// How a source provider fails: one short line that names the provider and never carries a key.

export type ProviderErrorKind =
  | "auth" // the key is missing, wrong or not allowed here
  | "rate_limit" // 429, after the retries (or a wait longer than the cap)
  | "http" // any other non-2xx status
  | "api" // a 2xx answer that carries an error (MediaWiki does this)
  | "timeout"
  | "network"
  | "bad_response"; // not JSON, or not the documented shape

/** A provider failure, with a one-line message such as "brave: HTTP 401 (invalid API key)". */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    readonly status: number | null = null,
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** The API answered, but not in the documented shape. */
export function badResponse(provider: string, detail?: string): ProviderError {
  return new ProviderError(`${provider}: unexpected response${detail ? ` (${detail})` : ""}`, provider, "bad_response");
}
