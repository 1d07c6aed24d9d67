// The SQLite file of a data directory: its name, its size with the write-ahead log, its quick_check and
// how large a file that reads, and the short way to a stored report (issue 18.4: `verity check` of a question
// asked before answers at start-up speed), with better-sqlite3 alone: the query builder and the
// migrations take longer to load than the look-up takes. There, any doubt (no database, an unsound
// file, a schema that does not answer) says "not found", and the caller takes the normal way
// (openStore), which checks and migrates the file and says what is wrong.
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import SQLite from "better-sqlite3";

/**
 * Files larger than this (with their WAL) are not quick-checked at start. The check walks every b-tree page,
 * about 1 ms of CPU per MB here (SciFact's 45 MB library: 37 ms), so 1 GiB takes about a second.
 */
export const QUICK_CHECK_MAX_BYTES = 1024 ** 3;

/** From this size, quick_check runs on a thread of its own, beside the rest of the start-up (starting a thread costs a few ms). */
export const QUICK_CHECK_THREAD_BYTES = 4 * 1024 ** 2;

/**
 * SQLite's quick_check of a database file, table by table: "ok" alone, or the problems found. It walks
 * every page of every ordinary table and index, the schema's and the full-text indexes' own tables among
 * them, which is what random bytes, an overwritten or truncated region or a damaged table break. It
 * leaves out what quick_check adds for a full-text (virtual) table: re-reading every indexed text to
 * compare it with the index (10 times the walk's time: 370 ms for SciFact's library), which also notices a
 * few flipped bytes inside a row; `verity backup` checks its copy that way, and `sqlite3 FILE "PRAGMA
 * quick_check"` does it by hand. Small files are checked on `sqlite`, the caller's connection; larger ones
 * on a read-only connection of their own, on a worker thread, so that the caller's thread goes on (loading
 * modules) meanwhile. An error (SQLITE_CORRUPT, SQLITE_NOTADB) is thrown with its code, as a connection
 * throws it.
 */
export async function quickCheck(file: string, sqlite: SQLite.Database, threadFromBytes = QUICK_CHECK_THREAD_BYTES): Promise<string[]> {
  const tables = tablesToCheck(sqlite);
  if (sizeWithWal(file) < threadFromBytes) return quickCheckTables(sqlite, tables);
  const worker = new Worker(QUICK_CHECK_THREAD, {
    eval: true,
    execArgv: [], // plain JavaScript: no loader (tsx, under tests) to start again
    workerData: { file, tables, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (m: { problems: string[] } | { error: string; code?: string }) =>
      "problems" in m ? resolve(m.problems) : reject(Object.assign(new Error(m.error), { code: m.code })),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the quick_check thread stopped (${code}) without an answer`)));
  });
}

/** The schema, and every table but the virtual ones (a full-text index's own tables are ordinary ones). */
function tablesToCheck(sqlite: SQLite.Database): string[] {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  return ["sqlite_schema", ...names];
}

/** quick_check of each table with its indexes, up to the first that has problems (named after the table). */
function quickCheckTables(sqlite: SQLite.Database, tables: string[]): string[] {
  for (const table of tables) {
    try {
      const rows = sqlite.pragma(`quick_check("${table.replace(/"/g, '""')}")`) as { quick_check: string }[];
      if (rows[0]?.quick_check !== "ok") return rows.map((r) => `${table}: ${r.quick_check}`);
    } catch (error) {
      // A page too damaged to walk stops the walk with SQLITE_CORRUPT: that, too, is an answer.
      if (!/^SQLITE_CORRUPT/.test(String((error as { code?: unknown }).code))) throw error;
      return [`${table}: ${(error as Error).message}`];
    }
  }
  return ["ok"];
}

/** The thread's code (CommonJS, so that it needs no build or loader): quickCheckTables on a read-only connection. */
const QUICK_CHECK_THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.driver);
let sqlite = null;
try {
  sqlite = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  let problems = ["ok"];
  for (const table of workerData.tables) {
    let rows;
    try {
      rows = sqlite.pragma('quick_check("' + table.replace(/"/g, '""') + '")');
    } catch (error) {
      if (!/^SQLITE_CORRUPT/.test(String(error && error.code))) throw error;
      rows = [{ quick_check: error.message }];
    }
    if (!rows[0] || rows[0].quick_check !== "ok") { problems = rows.map((r) => table + ": " + r.quick_check); break; }
  }
  parentPort.postMessage({ problems });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message), code: error && error.code });
} finally {
  if (sqlite) sqlite.close();
}
`;

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
    if (sizeWithWal(file) <= QUICK_CHECK_MAX_BYTES && quickCheckTables(sqlite, tablesToCheck(sqlite))[0] !== "ok") return null;
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
