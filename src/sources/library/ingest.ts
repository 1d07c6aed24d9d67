// Ingest: read paths into documents and store them in batches. Each batch is one
// transaction, so an interrupted run never leaves a half-written document behind.
import type { LibraryRepository, UpsertResult } from "../../store/library.js";
import type { IncomingDocument } from "../../domain/document.js";
import { readInputs } from "./readers.js";
import type { UrlReader } from "./url-reader.js";

/** A batch ends at this many documents or characters, whichever comes first: the character bound keeps
 * memory bounded when documents are long (500 of the largest would be a billion characters). */
const BATCH_DOCUMENTS = 500;
const BATCH_CHARS = 16 * 1024 * 1024;

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  failed: { origin: string; reason: string }[];
}

export interface IngestProgress {
  processed: number;
  summary: IngestSummary;
}

export async function ingestPaths(
  paths: string[],
  library: LibraryRepository,
  onProgress?: (progress: IngestProgress) => void,
  readUrl?: UrlReader,
): Promise<IngestSummary> {
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, failed: [] };
  let processed = 0;
  let batch: IncomingDocument[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await library.upsertMany(batch);
    for (const r of results) count(summary, r);
    processed += batch.length;
    batch = [];
    batchChars = 0;
    onProgress?.({ processed: processed + summary.failed.length, summary });
  };
  for await (const outcome of readInputs(paths, readUrl ? { readUrl } : {})) {
    if (!outcome.ok) {
      summary.failed.push({ origin: outcome.origin, reason: outcome.reason });
      continue;
    }
    batch.push(outcome.doc);
    batchChars += outcome.doc.text.length;
    if (batch.length >= BATCH_DOCUMENTS || batchChars >= BATCH_CHARS) await flush();
  }
  await flush();
  return summary;
}

function count(summary: IngestSummary, result: UpsertResult): void {
  summary[result]++;
}
