// Shared bits of the provider tests: a sleep that records instead of waiting, and a search request.
import type { SearchRequest } from "../../src/sources/provider.js";
import type { Sleep } from "../../src/domain/sleep.js";

export function recordingSleep(): { sleep: Sleep; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      calls.push(ms);
    },
  };
}

export function searchRequest(query: string, overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { query, claimId: "c1", limit: 5, language: "en", ...overrides };
}

export const never = (): AbortSignal => new AbortController().signal;

/** The rejection of a promise (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}
