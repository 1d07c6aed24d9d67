// The website's tables: durable check jobs, helpfulness votes and read counts,
// site settings (the cookie-signing secret, campaign overrides), campaign
// donations, and the full-text index over published reports.
import { sql, type Kysely } from "kysely";
import { createCheckSearch, dropCheckSearch, generatedId } from "./dialect.js";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("check_id", "text", (c) => c.notNull())
    .addColumn("result_check_id", "text")
    .addColumn("input", "text", (c) => c.notNull())
    .addColumn("match_key", "text", (c) => c.notNull())
    .addColumn("fresh", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("base_version", "integer")
    .addColumn("stage", "text")
    .addColumn("events_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_check").on("jobs").columns(["check_id", "created_at"]).execute();
  await db.schema.createIndex("jobs_status").on("jobs").columns(["status", "created_at"]).execute();
  // At most one active job per question: a second submission joins the first.
  await sql`CREATE UNIQUE INDEX jobs_active_match_key ON jobs (match_key) WHERE status IN ('queued', 'running')`.execute(db);

  await db.schema
    .createTable("votes")
    .addColumn("check_id", "text", (c) => c.notNull().references("checks.id").onDelete("cascade"))
    .addColumn("voter", "text", (c) => c.notNull())
    .addColumn("helpful", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("votes_pk", ["check_id", "voter"])
    .execute();

  await db.schema
    .createTable("check_reads")
    .addColumn("check_id", "text", (c) => c.primaryKey().references("checks.id").onDelete("cascade"))
    .addColumn("reads", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("donations")
    .addColumn("id", "integer", generatedId(db))
    .addColumn("event_id", "text", (c) => c.unique())
    .addColumn("amount_cents", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("donor", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // Full-text search over published reports.
  await createCheckSearch(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropCheckSearch(db);
  for (const table of ["donations", "settings", "check_reads", "votes", "jobs"]) await db.schema.dropTable(table).execute();
}
