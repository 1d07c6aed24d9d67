// A copy of the live database through SQLite's online backup API (better-sqlite3's db.backup()): safe
// while `verity serve` writes to it, because the pages are copied inside one read transaction, which
// in WAL mode never blocks the writer and sees one consistent state. The copy is written beside the
// target under a temporary name, checked (quick_check) and only then renamed into place, so a backup
// that failed half-way never looks like a good one. The copy's check is the one check of the data: the
// live file is looked at only when the copy fails, to say which of the two is damaged.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { BadInputError } from "../domain/errors.js";
import { refuseDamaged, sqliteHandle, type Store } from "./db.js";

export interface BackupSummary {
  /** The backup's absolute path. */
  file: string;
  bytes: number;
  /** Published and in-progress checks in the backup. */
  checks: number;
  /** Library documents in the backup. */
  documents: number;
}

/** Backs the store up into `target` (a new file: a backup never overwrites one). */
export async function backupStore(store: Store, target: string): Promise<BackupSummary> {
  const sqlite = sqliteHandle(store);
  const file = path.resolve(target);
  // (The live database is such a file too.)
  if (existsSync(file)) throw new BadInputError(`${file} already exists: a backup never overwrites a file; choose a new name`);
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  try {
    // The first step only counts the pages; the second copies them all, in one read transaction.
    await sqlite.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
    const summary = checkBackup(partial);
    if ("damage" in summary) {
      await refuseDamaged(sqlite, sqlite.name); // damage in the live file is said as opening it would say it
      throw new Error(`the backup failed SQLite's quick_check (${summary.damage}); the live database was left as it was`);
    }
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, ...summary };
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(leftover, { force: true });
    throw error;
  }
}

/** Makes the copy one self-contained file (no write-ahead log), checks it, and counts what it holds (or says what is damaged). */
function checkBackup(file: string): { checks: number; documents: number } | { damage: string } {
  const copy = new SQLite(file);
  try {
    copy.pragma("journal_mode = DELETE");
    const verdict = copy.pragma("quick_check", { simple: true });
    if (verdict !== "ok") return { damage: String(verdict) };
    const count = (table: string) => (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { checks: count("checks"), documents: count("documents") };
  } finally {
    copy.close();
  }
}
