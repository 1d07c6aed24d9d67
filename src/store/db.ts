// Opens the store. SQLite in VERITY_DATA_DIR (one file, WAL): checks that the file is sound (SQLite's
// quick_check of every table, bounded by the file's size: src/store/sqlite-file.ts) and brings its
// schema up to date with the versioned migrations.
// PostgreSQL (DATABASE_URL): the same migrations, applied only by `verity migrate`, since several
// processes on several machines share the database; the others refuse to start while some are pending.
import { existsSync, mkdirSync } from "node:fs";
import SQLite from "better-sqlite3";
import type pg from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from "kysely";
import { ConfigError, DamagedDatabaseError, errorMessage } from "../domain/errors.js";
import { diskFullAtStart } from "./disk.js";
import { databaseFile, QUICK_CHECK_MAX_BYTES, quickCheck, sizeWithWal } from "./sqlite-file.js";
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

interface StoreBase {
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface SqliteStore extends StoreBase {
  kind: "sqlite";
  /** The same connection without the query builder, for bulk writes with prepared statements (hold `db.connection()` while using it). */
  sqlite: SQLite.Database;
}

export interface PostgresStore extends StoreBase {
  kind: "postgres";
  /** DATABASE_URL: pg-boss (the job queue, src/jobs/boss.ts) opens its own connections with it. */
  url: string;
}

export type Store = SqliteStore | PostgresStore;

/** The SQLite connection under a store (for SQLite-only work: backups, tests that count writes). */
export function sqliteHandle(store: Store): SQLite.Database {
  if (store.kind !== "sqlite") throw new ConfigError("this needs the SQLite store; DATABASE_URL selects PostgreSQL");
  return store.sqlite;
}

interface OpenStoreOptions {
  dataDir: string;
  databaseUrl?: string | null;
  /**
   * PostgreSQL only, what to do with pending migrations: refuse to open (the default), apply them, or leave
   * them to the caller (`verity migrate`). SQLite always brings its own file up to date.
   */
  migrations?: "refuse" | "apply" | "leave";
  /** Files larger than this (with their WAL) are opened without the quick_check, which reads every page. */
  quickCheckMaxBytes?: number;
  /** Files from this size are quick-checked on a thread of their own (the default: QUICK_CHECK_THREAD_BYTES). */
  quickCheckThreadBytes?: number;
}

export { databaseFile, QUICK_CHECK_MAX_BYTES };

/** Opens the store; a full disk is said in one line that names the data directory (issue 20). */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.migrations ?? "refuse");
  try {
    return await openSqlite(options);
  } catch (error) {
    throw diskFullAtStart(error, options.dataDir) ?? error;
  }
}

function migrator(db: Kysely<Database>): Migrator {
  // Names are ordered by their code points: Kysely's default, localeCompare, loads the locale's collation
  // data on its first call (about 90 ms of every start), and the names are plain ASCII.
  return new Migrator({ db, provider: new StaticMigrations(), nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0) });
}

/** Migrations not yet applied to the database, by name. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  return (await migrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

/** Applies the pending migrations; returns the names applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** PostgreSQL counts in int8, which the driver reads as text unless told otherwise; Verity's counts fit a double. */
const INT8_OID = 20;

async function openPostgres(databaseUrl: string, migrations: "refuse" | "apply" | "leave"): Promise<PostgresStore> {
  // Loaded only here: a process on SQLite never needs the driver (about 50 ms of a start).
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  pool.on("error", () => {
    // An idle connection the server closed: the pool replaces it on the next query.
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as never }),
  });
  try {
    await sqlPing(pool, databaseUrl);
    if (migrations === "apply") await migrateToLatest(db);
    else if (migrations === "refuse") {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        throw new ConfigError(
          `the database has ${pending.length} pending migration(s) (${pending[0]}${pending.length > 1 ? ", …" : ""}): run \`verity migrate\` first`,
        );
      }
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { kind: "postgres", db, url: databaseUrl, close: () => db.destroy() };
}

/** Connects once, so that a wrong URL or a server that is down is one clear line, not a stack. */
async function sqlPing(pool: pg.Pool, databaseUrl: string): Promise<void> {
  try {
    (await pool.connect()).release();
  } catch (error) {
    throw new ConfigError(`cannot connect to PostgreSQL at ${redacted(databaseUrl)}: ${errorMessage(error)}`);
  }
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}

async function openSqlite({
  dataDir,
  quickCheckMaxBytes = QUICK_CHECK_MAX_BYTES,
  quickCheckThreadBytes,
}: OpenStoreOptions): Promise<SqliteStore> {
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
    // Before the migrations write anything: a damaged file is refused as it was found.
    if (sizeWithWal(file) <= quickCheckMaxBytes) await refuseDamaged(sqlite, file, quickCheckThreadBytes);
  } catch (error) {
    sqlite?.close();
    if (error instanceof DamagedDatabaseError) throw error;
    if (isDamage(error)) throw new DamagedDatabaseError(damagedMessage(file, errorMessage(error)));
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    if (isDamage(error)) throw new DamagedDatabaseError(damagedMessage(file, errorMessage(error)));
    throw error;
  }
  return { kind: "sqlite", db, sqlite, close: () => db.destroy() };
}

/** SQLite's quick_check of an open database file (sqlite-file.ts); throws DamagedDatabaseError, naming the file, when it finds damage. */
export async function refuseDamaged(sqlite: SQLite.Database, file: string, threadFromBytes?: number): Promise<void> {
  let first: string;
  try {
    first = (await quickCheck(file, sqlite, threadFromBytes))[0] ?? "no answer";
  } catch (error) {
    // Some damage stops the check itself ("database disk image is malformed").
    if (isDamage(error)) throw new DamagedDatabaseError(damagedMessage(file, errorMessage(error)));
    throw error;
  }
  if (first !== "ok") throw new DamagedDatabaseError(damagedMessage(file, `quick_check: ${first}`));
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
