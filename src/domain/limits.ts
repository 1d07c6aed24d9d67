// Documented size limits (README, "Limits"). Everything from outside is bounded.
export const MAX_INPUT_CHARS = 5_000;
export const MAX_INGEST_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_DOCUMENT_CHARS = 2_000_000;
export const MAX_JSONL_LINE_CHARS = 2_000_000;
