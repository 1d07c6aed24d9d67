// Table types for Kysely. Timestamps are ISO strings; JSON columns are text.
import type { Generated } from "kysely";

export interface DocumentsTable {
  id: Generated<number>;
  key: string;
  content_hash: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  published_at: string | null;
  format: string;
  text: string;
  ingested_at: string;
}

export interface PassagesTable {
  id: Generated<number>;
  document_id: number;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  text: string;
}

/** Stored text of every source a report cites, addressed by content hash, so quotes stay checkable. */
export interface SourceTextsTable {
  hash: string;
  text: string;
  stored_at: string;
}

export interface ChecksTable {
  id: string;
  match_key: string;
  slug: string;
  category: string;
  title: string;
  input_text: string;
  input_kind: string;
  status: string;
  version: number;
  report_json: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  checked_at: string | null;
}

export interface CheckVersionsTable {
  check_id: string;
  version: number;
  report_json: string;
  checked_at: string;
}

/** The page cache: the last good response per requested URL. */
export interface HttpCacheTable {
  url: string;
  final_url: string;
  status: number;
  headers_json: string;
  body: Uint8Array;
  etag: string | null;
  last_modified: string | null;
  fetched_at: string;
}

export interface Database {
  documents: DocumentsTable;
  passages: PassagesTable;
  source_texts: SourceTextsTable;
  checks: ChecksTable;
  check_versions: CheckVersionsTable;
  http_cache: HttpCacheTable;
}
