// The SQLite file of a data directory: its name, its size with the write-ahead log, how large a file
// quick_check reads, and the short way to a stored report (issue 18.4: `verity check` of a question
// asked before answers at start-up speed), with better-sqlite3 alone: the query builder and the
// migrations take longer to load than the look-up takes. There, any doubt (no database, an unsound
// file, a schema that does not answer) says "not found", and the caller takes the normal way
// (openStore), which checks and migrates the file and says what is wrong.
import { statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/** quick_check reads the whole file, at roughly 1 GB/s from the page cache and a few hundred MB/s from disk. */
export const QUICK_CHECK_MAX_BYTES = 1024 ** 3;

/** The database file in a data directory. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, "verity.sqlite");
}

/** The file's size with its write-ahead log's. */
export function sizeWithWal(file: string): number {
  return sizeOf(file) + sizeOf(`${file}-wal`);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The report JSON of the newest published check of a question (`matchKey`), as
 * CheckRepository.findDoneByMatchKey finds it; null when there is none or when in doubt.
 */
export function storedReportJson(dataDir: string, matchKey: string): string | null {
  const file = databaseFile(dataDir);
  if (sizeOf(file) === 0) return null;
  let sqlite: SQLite.Database | null = null;
  try {
    sqlite = new SQLite(file, { fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    if (sizeWithWal(file) <= QUICK_CHECK_MAX_BYTES && sqlite.pragma("quick_check(1)", { simple: true }) !== "ok") return null;
    const row = sqlite
      .prepare("SELECT report_json FROM checks WHERE match_key = ? AND status = 'done' ORDER BY checked_at DESC LIMIT 1")
      .get(matchKey) as { report_json: string | null } | undefined;
    return row?.report_json ?? null;
  } catch {
    return null;
  } finally {
    sqlite?.close();
  }
}
