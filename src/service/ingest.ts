// Adding documents to the library: files, folders, JSON Lines and web pages (read through the
// same SSRF-safe client as checks), with an estimate of the work for a progress bar.
import { readPage } from "../fetch/read-page.js";
import { estimateDocuments } from "../sources/library/estimate.js";
import { ingestPaths, type IngestProgress, type IngestSummary } from "../sources/library/ingest.js";
import type { Verity } from "./verity.js";

/** About how many documents `paths` hold, so a progress bar has an end. */
export function estimateIngest(paths: string[]): Promise<number> {
  return estimateDocuments(paths);
}

export function ingest(verity: Verity, paths: string[], onProgress?: (progress: IngestProgress) => void): Promise<IngestSummary> {
  return ingestPaths(paths, verity.library, onProgress, (url) => readPage(url, verity.http));
}
