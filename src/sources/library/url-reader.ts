// A web page → a library document, through the page reader (which the caller passes in).
import { errorMessage } from "../../domain/errors.js";
import { MAX_DOCUMENT_CHARS } from "../../domain/limits.js";
import type { ReadPage } from "../../fetch/read-page.js";
import type { ReadOutcome } from "../../domain/document.js";

/** Fetches a page (through the SSRF-safe client) and returns its main text and metadata. */
export type UrlReader = (url: string) => Promise<Omit<ReadPage, "language">>;

export async function readUrlDocument(url: string, readUrl: UrlReader): Promise<ReadOutcome> {
  try {
    const page = await readUrl(url);
    if (!page.text.trim()) return { ok: false, origin: url, reason: "no readable text" };
    if (page.text.length > MAX_DOCUMENT_CHARS) return { ok: false, origin: url, reason: "document too long" };
    return {
      ok: true,
      doc: {
        key: `url:${page.url}`,
        title: page.title.trim() || page.url,
        text: page.text,
        url: page.url,
        publisher: page.siteName,
        author: page.author,
        publishedAt: page.publishedAt,
        format: page.contentType.includes("pdf") ? "pdf" : page.contentType.includes("html") ? "html" : "text",
        origin: url,
      },
    };
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    return { ok: false, origin: url, reason: typeof reason === "string" ? reason : errorMessage(error) };
  }
}
