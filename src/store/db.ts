// Opens the store: SQLite in VERITY_DATA_DIR (one file, WAL), checks that the file is sound
// (SQLite's quick_check, bounded by the file's size) and brings its schema up to date with the
// versioned migrations. PostgreSQL (DATABASE_URL) comes later.
import { existsSync, mkdirSync } from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from "kysely";
import { ConfigError, DamagedDatabaseError, errorMessage } from "../domain/errors.js";
import { diskFullAtStart } from "./disk.js";
import { databaseFile, QUICK_CHECK_MAX_BYTES, sizeWithWal } from "./sqlite-file.js";
import type { Database } from "./schema.js";
import * as m001 from "./migrations/001-library.js";
import * as m002 from "./migrations/002-checks.js";
import * as m004DocumentsFts from "./migrations/004-documents-fts.js";
import * as m003 from "./migrations/003-http-cache.js";
import * as m005Site from "./migrations/005-site.js";
import * as m006Embeddings from "./migrations/006-embeddings.js";
import * as m007JobLeases from "./migrations/007-job-leases.js";

const MIGRATIONS: Record<string, Migration> = {
  "001-library": m001,
  "002-checks": m002,
  "003-http-cache": m003,
  "004-documents-fts": m004DocumentsFts,
  "005-site": m005Site,
  "006-embeddings": m006Embeddings,
  "007-job-leases": m007JobLeases,
};

class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export interface Store {
  db: Kysely<Database>;
  /** The same connection without the query builder, for bulk writes with prepared statements (hold `db.connection()` while using it). */
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

interface OpenStoreOptions {
  dataDir: string;
  databaseUrl?: string | null;
  /** Files larger than this (with their WAL) are opened without the quick_check, which reads every page. */
  quickCheckMaxBytes?: number;
}

export { databaseFile, QUICK_CHECK_MAX_BYTES };

/** Opens the store; a full disk is said in one line that names the data directory (issue 20). */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  try {
    return await openSqlite(options);
  } catch (error) {
    throw diskFullAtStart(error, options.dataDir) ?? error;
  }
}

async function openSqlite({ dataDir, databaseUrl, quickCheckMaxBytes = QUICK_CHECK_MAX_BYTES }: OpenStoreOptions): Promise<Store> {
  if (databaseUrl) throw new ConfigError("PostgreSQL (DATABASE_URL) is not supported yet; unset it to use SQLite");
  mkdirSync(dataDir, { recursive: true });
  const file = databaseFile(dataDir);
  refuseEmptyFile(file);
  let sqlite: SQLite.Database | null = null;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    // Reads map the file instead of copying each page into SQLite's cache: full-text queries over a large
    // library read many pages once (2 GB is this build's ceiling, SQLITE_MAX_MMAP_SIZE; the rest is read as before).
    sqlite.pragma("mmap_size = 2147418112");
    if (sizeWithWal(file) <= quickCheckMaxBytes) {
      const problems = sqlite.pragma("quick_check(5)", { simple: false }) as { quick_check: string }[];
      const first = problems[0]?.quick_check ?? "no answer";
      if (first !== "ok") throw new DamagedDatabaseError(damagedMessage(file, `quick_check: ${first}`));
    }
  } catch (error) {
    sqlite?.close();
    if (error instanceof DamagedDatabaseError) throw error;
    if (isDamage(error)) throw new DamagedDatabaseError(damagedMessage(file, errorMessage(error)));
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: new StaticMigrations() }).migrateToLatest();
  if (error) {
    await db.destroy();
    if (isDamage(error)) throw new DamagedDatabaseError(damagedMessage(file, errorMessage(error)));
    throw error;
  }
  return { db, sqlite, close: () => db.destroy() };
}

/**
 * An existing empty file is not a new database: SQLite would take it for one, and the checks it held
 * (if it was truncated) would be silently gone. A missing file is a new database. An empty file beside
 * a write-ahead log is left to SQLite, which reads the log.
 */
function refuseEmptyFile(file: string): void {
  if (!existsSync(file) || sizeWithWal(file) > 0) return;
  throw new DamagedDatabaseError(
    `${file} is empty (0 bytes), so it is not taken as a new database: if it held your checks, restore a backup ` +
      `(see \`verity backup\`); to start a new database, delete the file`,
  );
}

/** SQLITE_CORRUPT and SQLITE_NOTADB (with their extended codes): the file is damaged or not a database. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** A path as a shell word: quoted when it holds anything but plain characters. */
function shellWord(file: string): string {
  return /^[\w./:@%+-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
}

function damagedMessage(file: string, detail: string): string {
  const shown = detail.replace(/\s+/g, " ").slice(0, 160);
  return (
    `${file} is damaged (${shown}); Verity will not start on it. Restore a backup (made by \`verity backup\`), or ` +
    `recover what is readable with the sqlite3 command-line tool: sqlite3 ${shellWord(file)} .recover | sqlite3 recovered.sqlite, ` +
    `then put recovered.sqlite in its place`
  );
}
