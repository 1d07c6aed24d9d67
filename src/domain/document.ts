// A document on its way into the local library, as the readers produce it and the store keeps it.
import { MAX_DOCUMENT_CHARS } from "./limits.js";

export type DocumentFormat = "text" | "markdown" | "html" | "pdf" | "jsonl";

export interface IncomingDocument {
  /** Stable identity within the library: "file:<absolute path>" or "jsonl:<id>". Re-ingesting the same key with the same text changes nothing. */
  key: string;
  title: string;
  /** Plain text, as it will be stored; quotes in reports are verbatim slices of it. */
  text: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  /** ISO 8601 date (YYYY-MM-DD or full timestamp) when known. */
  publishedAt: string | null;
  format: DocumentFormat;
  /** Where it came from, for messages: a path, or "path:line" for JSON Lines. */
  origin: string;
}

export type ReadOutcome = { ok: true; doc: IncomingDocument } | { ok: false; origin: string; reason: string };

/** The last checks every document goes through: it has text, and not too much. */
export function finishDocument(doc: IncomingDocument): ReadOutcome {
  if (!doc.text.trim()) return { ok: false, origin: doc.origin, reason: "empty document" };
  if (doc.text.length > MAX_DOCUMENT_CHARS) {
    return {
      ok: false,
      origin: doc.origin,
      reason: `document too long (${doc.text.length.toLocaleString("en")} characters; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")})`,
    };
  }
  return { ok: true, doc };
}
