import { sql, type Kysely } from "kysely";
import { createDocumentSearch, isPostgres } from "./dialect.js";

// Whole-document full-text index (title and text), next to the passage index: BM25 over the
// whole document ranks short documents (abstracts, articles) better than their best passage
// (SciFact dev nDCG@10 0.669 against 0.648); passages still find the right part of long ones.
export async function up(db: Kysely<any>): Promise<void> {
  await createDocumentSearch(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`ALTER TABLE documents DROP COLUMN search`.execute(db);
  else await sql`DROP TABLE documents_fts`.execute(db);
}
