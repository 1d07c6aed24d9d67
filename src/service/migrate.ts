// `verity migrate`: brings the database's schema up to date. On PostgreSQL this is the one way
// migrations are applied, and pg-boss (the job queue) is set up with its own schema: web and worker
// processes refuse a database with pending migrations or without pg-boss. SQLite migrates its file
// whenever it is opened, so there it only opens and reports.
import { setUpJobQueue } from "../jobs/boss.js";
import { databaseFile, migrateToLatest, openStore, redacted } from "../store/db.js";
import type { Config } from "./config.js";

export interface MigrateSummary {
  /** Where the database is (the SQLite file, or PostgreSQL's URL without its password). */
  database: string;
  /** The migrations this run applied, in order (and what it set up of pg-boss). */
  applied: string[];
}

export async function migrateDatabase(config: Config): Promise<MigrateSummary> {
  if (!config.databaseUrl) {
    const store = await openStore({ dataDir: config.dataDir });
    await store.close();
    return { database: databaseFile(config.dataDir), applied: [] };
  }
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, migrations: "leave" });
  try {
    const applied = await migrateToLatest(store.db);
    if (store.kind === "postgres") applied.push(...(await setUpJobQueue(store)));
    return { database: redacted(config.databaseUrl), applied };
  } finally {
    await store.close();
  }
}
