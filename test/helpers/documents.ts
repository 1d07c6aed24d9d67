// What the read and rank stages give the analyst: a library document with this title and text, and a
// passage kept from a document for claim c1.
import type { Evidence, ReadDocument } from "../../src/domain/analysis.js";
import { hashText } from "../../src/store/library.js";

export function readDoc(title: string, text: string, i = 0): ReadDocument {
  return {
    url: `library:jsonl:${i}`,
    title,
    publisher: null,
    author: null,
    publishedAt: null,
    retrievedAt: "2026-01-01T00:00:00.000Z",
    provider: "library",
    text,
    textHash: hashText(text),
    searchScore: 1,
    reliabilityNote: null,
  };
}

/** A kept passage for claim c1, its own context; relevant, likely to state the finding, from a document about the claim unless told otherwise. */
export function passage(id: string, quote: string, scores: { bearing?: number; documentRelevance?: number } = {}): Evidence {
  return {
    id,
    claimId: "c1",
    documentIndex: 0,
    quote,
    context: quote,
    relevance: 0.9,
    bearing: scores.bearing ?? 0.6,
    documentRelevance: scores.documentRelevance ?? 0.9,
  };
}
