import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect.js";

// Sentence embeddings by content: a library embedded once is never embedded again, and a
// repeated check embeds nothing new.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`CREATE TABLE embeddings (key text PRIMARY KEY, vector bytea NOT NULL)`.execute(db);
  else await sql`CREATE TABLE embeddings (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE embeddings`.execute(db);
}
