// The website's tables: durable check jobs, helpfulness votes and read counts,
// site settings (the cookie-signing secret, campaign overrides), campaign
// donations, and the full-text index over published reports.
import { sql, type Kysely } from "kysely";

/** The text a published report contributes to search: its summary paragraphs and headline. */
const SUMMARY_OF_NEW = `coalesce((
    SELECT group_concat(json_extract(p.value, '$.text'), ' ')
    FROM json_each(new.report_json, '$.sections') AS s, json_each(s.value, '$.paragraphs') AS p
    WHERE json_extract(s.value, '$.kind') = 'summary'
  ), '') || ' ' || coalesce(json_extract(new.report_json, '$.verdict.headline'), '')`;

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
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "text", (c) => c.unique())
    .addColumn("amount_cents", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("donor", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // Full-text search over published reports (SQLite FTS5; PostgreSQL will use tsvector),
  // kept in step by triggers so every publisher (server, CLI) updates it.
  await sql`CREATE VIRTUAL TABLE checks_fts USING fts5(
    check_id UNINDEXED, title, input, summary, tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER checks_fts_insert AFTER INSERT ON checks
    WHEN new.report_json IS NOT NULL AND new.version > 0 BEGIN
      INSERT INTO checks_fts (check_id, title, input, summary) VALUES (new.id, new.title, new.input_text, ${SUMMARY_OF_NEW});
    END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER checks_fts_update AFTER UPDATE OF report_json, title, version ON checks BEGIN
      DELETE FROM checks_fts WHERE check_id = old.id;
      INSERT INTO checks_fts (check_id, title, input, summary)
        SELECT new.id, new.title, new.input_text, ${SUMMARY_OF_NEW} WHERE new.report_json IS NOT NULL AND new.version > 0;
    END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER checks_fts_delete AFTER DELETE ON checks BEGIN DELETE FROM checks_fts WHERE check_id = old.id; END`)
    .execute(db);
  // Reports published before this migration.
  await sql
    .raw(
      `INSERT INTO checks_fts (check_id, title, input, summary)
      SELECT new.id, new.title, new.input_text, ${SUMMARY_OF_NEW} FROM checks AS new WHERE new.report_json IS NOT NULL AND new.version > 0`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ["checks_fts_insert", "checks_fts_update", "checks_fts_delete"])
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
  await sql`DROP TABLE checks_fts`.execute(db);
  for (const table of ["donations", "settings", "check_reads", "votes", "jobs"]) await db.schema.dropTable(table).execute();
}
