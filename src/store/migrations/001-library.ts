import { sql, type Kysely } from "kysely";
import { createPassageSearch, generatedId, isPostgres } from "./dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "integer", generatedId(db))
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("publisher", "text")
    .addColumn("author", "text")
    .addColumn("published_at", "text")
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("ingested_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("documents_content_hash").on("documents").column("content_hash").execute();

  await db.schema
    .createTable("passages")
    .addColumn("id", "integer", generatedId(db))
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("start_offset", "integer", (c) => c.notNull())
    .addColumn("end_offset", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("passages_document").on("passages").column("document_id").execute();

  // Full-text index over passages, with the document title as a second, weighted column, kept in step
  // by the library repository.
  await createPassageSearch(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`DROP TABLE passages_fts`.execute(db);
  await db.schema.dropTable("passages").execute();
  await db.schema.dropTable("documents").execute();
}
