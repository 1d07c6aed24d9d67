// `verity backup FILE`: copies the database (SQLite's online backup API) into a new file, checked.
import type { Config } from "../service/config.js";
import { backupDatabase } from "../service/backup.js";

export async function runBackupCommand(file: string, config: Config): Promise<number> {
  const done = await backupDatabase(config, file);
  const megabytes = (done.bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `backed up ${done.source} to ${done.file} (${megabytes} MB: ${done.checks} checks, ${done.documents} documents; quick_check ok)\n`,
  );
  return 0;
}
