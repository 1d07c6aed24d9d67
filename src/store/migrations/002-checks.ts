import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("source_texts")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("stored_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("match_key", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("input_text", "text", (c) => c.notNull())
    .addColumn("input_kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("report_json", "text")
    .addColumn("error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("checked_at", "text")
    .execute();
  await db.schema.createIndex("checks_match_key").on("checks").column("match_key").execute();

  await db.schema
    .createTable("check_versions")
    .addColumn("check_id", "text", (c) => c.notNull().references("checks.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("report_json", "text", (c) => c.notNull())
    .addColumn("checked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("check_versions_pk", ["check_id", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("check_versions").execute();
  await db.schema.dropTable("checks").execute();
  await db.schema.dropTable("source_texts").execute();
}
