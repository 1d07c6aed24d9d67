import type { Kysely } from "kysely";
import { generatedId } from "./dialect.js";

// Checks run in worker processes: a running job is leased to one worker, which renews the lease
// while it works (a killed worker's job is taken again when its lease runs out), and the progress
// events of every run are appended to a log that the web processes follow.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("jobs").addColumn("lease_owner", "text").execute();
  await db.schema.alterTable("jobs").addColumn("lease_expires_at", "text").execute();

  await db.schema
    .createTable("job_events")
    .addColumn("id", "integer", generatedId(db))
    .addColumn("check_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("data_json", "text", (c) => c.notNull())
    // The worker that wrote it: a web process skips its own worker's events, which reached its bus at once.
    .addColumn("origin", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("job_events_created").on("job_events").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("job_events").execute();
  await db.schema.alterTable("jobs").dropColumn("lease_expires_at").execute();
  await db.schema.alterTable("jobs").dropColumn("lease_owner").execute();
}
