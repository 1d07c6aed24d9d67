// Stage 4, read: turn hits into documents with their full text, and store that text so
// every quote can be checked against it later. What cannot be read is recorded with why.
import { hashText } from "../store/library.js";
import type { SourceTextRepository } from "../store/source-texts.js";
import type { SourceHit } from "../sources/provider.js";
import type { ReadDocument, ReadResult } from "./types.js";

export interface ReadOptions {
  maxDocuments?: number;
  now?: string;
}

export async function read(hits: SourceHit[], texts: SourceTextRepository, options: ReadOptions = {}): Promise<ReadResult> {
  const now = options.now ?? new Date().toISOString();
  const documents: ReadDocument[] = [];
  const rejected: ReadResult["rejected"] = [];
  for (const hit of hits) {
    if (documents.length >= (options.maxDocuments ?? 20)) {
      rejected.push({ url: hit.url, title: hit.title, reason: "ranked below the reading limit" });
      continue;
    }
    if (hit.text === undefined) {
      // Fetching web pages arrives with the safe page reader; until then such hits are listed, not hidden.
      rejected.push({ url: hit.url, title: hit.title, reason: "no page reader for web pages yet" });
      continue;
    }
    if (hit.text.trim().length === 0) {
      rejected.push({ url: hit.url, title: hit.title, reason: "empty text" });
      continue;
    }
    const textHash = hashText(hit.text);
    documents.push({
      url: hit.url,
      title: hit.title,
      publisher: hit.publisher,
      author: hit.author,
      publishedAt: hit.publishedAt,
      retrievedAt: now,
      provider: hit.provider,
      text: hit.text,
      textHash,
      searchScore: hit.score,
    });
  }
  await texts.putMany(documents.map((d) => ({ hash: d.textHash, text: d.text })), now);
  return { documents, rejected };
}
