import type { Kysely } from "kysely";
import { bytesType } from "./dialect.js";

// The page cache: the last good response per requested URL, revalidated with ETag / Last-Modified.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("http_cache")
    .addColumn("url", "text", (c) => c.primaryKey())
    .addColumn("final_url", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("headers_json", "text", (c) => c.notNull())
    .addColumn("body", bytesType(db), (c) => c.notNull())
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("http_cache").execute();
}
