// The databases a store test runs on: contract tests loop over BACKENDS, so SQLite and PostgreSQL pass
// one suite, not copies. PostgreSQL is skipped (with the reason) where it is not installed.
import { setUpJobQueue } from "../../src/jobs/boss.js";
import { openStore } from "../../src/store/db.js";
import { freshDatabase, POSTGRES_SKIP } from "./postgres.js";

export type BackendName = "sqlite" | "postgres";

export interface Backend {
  name: BackendName;
  /** Why this backend's tests are skipped here, or false. */
  skip: string | false;
}

export const BACKENDS: readonly Backend[] = [
  { name: "sqlite", skip: false },
  { name: "postgres", skip: POSTGRES_SKIP },
];

/**
 * The DATABASE_URL for a new, empty, migrated database of this backend, pg-boss set up as `verity migrate`
 * does (null for SQLite, which lives in the data directory and migrates itself).
 */
export async function freshDatabaseUrl(backend: BackendName): Promise<string | null> {
  if (backend === "sqlite") return null;
  const url = await freshDatabase();
  const store = await openStore({ dataDir: "", databaseUrl: url, migrations: "apply" });
  try {
    if (store.kind === "postgres") await setUpJobQueue(store);
  } finally {
    await store.close();
  }
  return url;
}
