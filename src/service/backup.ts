// `verity backup FILE`: a consistent copy of the database, safe while the site is serving.
import { existsSync } from "node:fs";
import { ConfigError } from "../domain/errors.js";
import { backupStore, type BackupSummary } from "../store/backup.js";
import { databaseFile, openStore } from "../store/db.js";
import type { Config } from "./config.js";

export async function backupDatabase(config: Config, target: string): Promise<BackupSummary & { source: string }> {
  if (config.databaseUrl) {
    throw new ConfigError("`verity backup` copies the SQLite file; on PostgreSQL use pg_dump, or `verity export` for a portable copy");
  }
  const source = databaseFile(config.dataDir);
  if (!existsSync(source)) throw new ConfigError(`there is no database at ${source}: nothing to back up`);
  // The copy is checked (store/backup.ts): checking the live file on opening it too would read the database twice.
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, quickCheckMaxBytes: 0 });
  try {
    return { source, ...(await backupStore(store, target)) };
  } finally {
    await store.close();
  }
}
