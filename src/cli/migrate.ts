// `verity migrate`: applies the database's pending migrations and says which.
import type { Config } from "../service/config.js";
import { migrateDatabase } from "../service/migrate.js";

export async function runMigrateCommand(config: Config): Promise<number> {
  const { database, applied } = await migrateDatabase(config);
  process.stdout.write(
    applied.length > 0 ? `migrated ${database}: applied ${applied.join(", ")}\n` : `${database} is up to date (no pending migrations)\n`,
  );
  return 0;
}
