// Where the benchmark's libraries live: SQLite files in the workspace (the default), or, with
// DATABASE_URL=postgres://… set, a new PostgreSQL database per library on that server (created, migrated,
// and dropped when the library is thrown away), so that search quality can be measured on both stores.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { openStore } from "../../src/store/db.js";

export interface LibraryDatabase {
  /** The DATABASE_URL of the library (null: SQLite in its data directory). */
  url: string | null;
  drop(): Promise<void>;
}

/** The server's URL when the benchmark runs on PostgreSQL, else null. */
export function benchDatabaseUrl(): string | null {
  return process.env.DATABASE_URL?.trim() || null;
}

export async function libraryDatabase(name: string): Promise<LibraryDatabase> {
  const server = benchDatabaseUrl();
  if (!server) return { url: null, drop: async () => {} };
  const database = `verity_bench_${name.replace(/\W/g, "_").toLowerCase().slice(0, 30)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${database}`;
  const store = await openStore({ dataDir: "", databaseUrl: url.toString(), migrations: "apply" });
  await store.close();
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
