// Table types for Kysely. Timestamps are ISO strings; JSON columns are text.
import type { Generated } from "kysely";

interface DocumentsTable {
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

interface PassagesTable {
  id: Generated<number>;
  document_id: number;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  text: string;
}

/** Stored text of every source a report cites, addressed by content hash, so quotes stay checkable. */
interface SourceTextsTable {
  hash: string;
  text: string;
  stored_at: string;
}

interface ChecksTable {
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

interface CheckVersionsTable {
  check_id: string;
  version: number;
  report_json: string;
  checked_at: string;
}

/** The page cache: the last good response per requested URL. */
interface HttpCacheTable {
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

// The website's tables (migration 005-site).

/** A check submitted through the site or the API, run by a worker (src/jobs/worker.ts). */
export interface JobsTable {
  id: string;
  /** The check this job publishes (allocated up front, or the check it refreshes). */
  check_id: string;
  /** The check that was actually published, when it differs (the question was answered meanwhile). */
  result_check_id: string | null;
  input: string;
  match_key: string;
  fresh: number;
  status: string;
  attempts: number;
  /** The check's published version when the job first started: a later version means it was published. */
  base_version: number | null;
  /** The latest stage, and the progress events so far (JSON), so a reload shows them. */
  stage: string | null;
  events_json: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The worker running the job, and until when its lease holds (migration 007). */
  lease_owner: string | null;
  lease_expires_at: string | null;
}

/** The progress of every run, appended by the workers and followed by the web processes (migration 007). */
export interface JobEventsTable {
  id: Generated<number>;
  check_id: string;
  type: string;
  data_json: string;
  origin: string | null;
  created_at: string;
}

interface VotesTable {
  check_id: string;
  voter: string;
  helpful: number;
  created_at: string;
  updated_at: string;
}

interface CheckReadsTable {
  check_id: string;
  reads: number;
}

interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

interface DonationsTable {
  id: Generated<number>;
  event_id: string | null;
  amount_cents: number;
  currency: string;
  donor: string | null;
  source: string;
  created_at: string;
}

/** The website's tables join the Database interface above (declaration merging keeps this file append-only). */
export interface Database {
  jobs: JobsTable;
  job_events: JobEventsTable;
  votes: VotesTable;
  check_reads: CheckReadsTable;
  settings: SettingsTable;
  donations: DonationsTable;
}

// The sentence encoder's cache (migration 006-embeddings).

/** A sentence's embedding, by a key of the encoder's id and the text: computed once, whatever asks again. */
export interface EmbeddingsTable {
  key: string;
  /** Float32, little-endian. */
  vector: Uint8Array;
}

export interface Database {
  embeddings: EmbeddingsTable;
}
