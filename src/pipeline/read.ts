// Stage 4, read: turn hits into documents with their full text, and store that text so
// every quote can be checked against it later. Pages are fetched through the safe HTTP
// client; what cannot be read is recorded with why, never silently dropped.
import { errorMessage } from "../domain/errors.js";
import type { SourcePolicy } from "../sources/policy.js";
import type { SourceHit } from "../sources/provider.js";
import { hashText } from "../store/library.js";
import type { SourceTextRepository } from "../store/source-texts.js";
import type { HttpClient } from "../fetch/http-client.js";
import { PageReadError, readPage } from "../fetch/read-page.js";
import type { ReadDocument, Rejection } from "../domain/analysis.js";
import type { ReadResult } from "./types.js";

export interface ReadOptions {
  maxDocuments?: number;
  now?: string;
  /** Without a client, hits that need fetching are set aside. */
  http?: HttpClient;
  policy?: SourcePolicy;
  /** Rejections from earlier stages, carried into the result. */
  rejected?: Rejection[];
  /** Pages fetched at once. */
  concurrency?: number;
}

const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const PAGE_TIMEOUT_MS = 15_000;

export async function read(hits: SourceHit[], texts: SourceTextRepository, options: ReadOptions = {}): Promise<ReadResult> {
  const now = options.now ?? new Date().toISOString();
  const rejected: Rejection[] = [...(options.rejected ?? [])];
  const chosen = hits.slice(0, options.maxDocuments ?? 20);
  for (const hit of hits.slice(chosen.length)) rejected.push({ url: hit.url, title: hit.title, reason: "ranked below the reading limit" });

  const outcomes = await mapLimited(chosen, options.concurrency ?? 4, (hit) => readHit(hit, options.http));
  const documents: ReadDocument[] = [];
  outcomes.forEach((outcome, i) => {
    const hit = chosen[i]!;
    if (typeof outcome === "string") {
      rejected.push({ url: hit.url, title: hit.title, reason: outcome });
      return;
    }
    documents.push({
      url: hit.url,
      title: outcome.title || hit.title,
      publisher: hit.publisher ?? outcome.publisher,
      author: hit.author ?? outcome.author,
      publishedAt: hit.publishedAt ?? outcome.publishedAt,
      retrievedAt: now,
      provider: hit.provider,
      text: outcome.text,
      textHash: hashText(outcome.text),
      searchScore: hit.score,
      reliabilityNote: options.policy?.reliabilityNote(hit.url) ?? null,
    });
  });
  await texts.putMany(
    documents.map((d) => ({ hash: d.textHash, text: d.text })),
    now,
  );
  return { documents, rejected };
}

interface Fetched {
  title: string;
  text: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
}

/** The text of a hit, or the reason it could not be read. */
async function readHit(hit: SourceHit, http: HttpClient | undefined): Promise<Fetched | string> {
  if (hit.text !== undefined) {
    return hit.text.trim() ? { title: hit.title, text: hit.text, publisher: null, author: null, publishedAt: null } : "empty text";
  }
  if (!http) return "no network client to read web pages";
  try {
    const page = await readPage(hit.url, http, { maxBytes: MAX_PAGE_BYTES, timeoutMs: PAGE_TIMEOUT_MS });
    return { title: page.title, text: page.text, publisher: page.siteName, author: page.author, publishedAt: page.publishedAt };
  } catch (error) {
    return error instanceof PageReadError ? error.reason : `unreadable: ${errorMessage(error).slice(0, 120)}`;
  }
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
