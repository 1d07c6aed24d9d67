// A document as the read stage gives it to the analyst: a library document with this title and text.
import type { ReadDocument } from "../../src/domain/analysis.js";
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
