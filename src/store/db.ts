// Opens the store: SQLite in VERITY_DATA_DIR (one file, WAL) and brings its schema
// up to date with the versioned migrations. PostgreSQL (DATABASE_URL) comes later.
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from "kysely";
import { ConfigError } from "../domain/errors.js";
import type { Database } from "./schema.js";
import * as m001 from "./migrations/001-library.js";
import * as m002 from "./migrations/002-checks.js";
import * as m004DocumentsFts from "./migrations/004-documents-fts.js";
import * as m003 from "./migrations/003-http-cache.js";
import * as m005Site from "./migrations/005-site.js";
import * as m006Embeddings from "./migrations/006-embeddings.js";

const MIGRATIONS: Record<string, Migration> = {
  "001-library": m001,
  "002-checks": m002,
  "003-http-cache": m003,
  "004-documents-fts": m004DocumentsFts,
  "005-site": m005Site,
  "006-embeddings": m006Embeddings,
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
}

export async function openStore({ dataDir, databaseUrl }: OpenStoreOptions): Promise<Store> {
  if (databaseUrl) throw new ConfigError("PostgreSQL (DATABASE_URL) is not supported yet; unset it to use SQLite");
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(dataDir, "verity.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: new StaticMigrations() }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite, close: () => db.destroy() };
}
