// What the source provider tests share: a search request, a hit, a signal that never aborts, and the
// shape every provider's errors take (one line, the provider's id, never the key).
import assert from "node:assert/strict";
import { ProviderError } from "../../src/sources/provider-error.js";
import type { SearchRequest, SourceHit } from "../../src/sources/provider.js";

export function searchRequest(query: string, overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { query, claimId: "c1", limit: 5, language: "en", ...overrides };
}

/** A hit for `url`, titled by its URL, from "web" with score 1 and nothing else known, unless told otherwise. */
export function sourceHit(url: string, fields: Partial<SourceHit> = {}): SourceHit {
  return { provider: "web", url, title: url, publisher: null, author: null, publishedAt: null, snippet: null, score: 1, ...fields };
}

export const never = (): AbortSignal => new AbortController().signal;

/** A ProviderError of this provider and kind, one line, with this message and without the secret. */
export function assertProviderError(error: Error, expected: { provider: string; kind: string; message: RegExp; secret?: string }): void {
  assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${error.name}: ${error.message}`);
  assert.equal(error.provider, expected.provider);
  assert.equal(error.kind, expected.kind);
  assert.match(error.message, expected.message);
  assert.ok(!error.message.includes("\n"), "one line");
  if (expected.secret) assert.ok(!error.message.includes(expected.secret), `the message must not contain the key: ${error.message}`);
}
