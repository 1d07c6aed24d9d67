// A Verity on a temporary data directory, for tests.
import { libraryOnlyConfig } from "../../src/service/config.js";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openVerity, type OpenOptions, type Verity } from "../../src/service/verity.js";
import type { Config } from "../../src/service/config.js";
import { freshDatabaseUrl, type BackendName } from "./stores.js";

export async function tempDir(prefix = "verity-test-"): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A Verity on a temporary data directory and, with `backend: "postgres"`, a fresh PostgreSQL database. */
export async function tempVerity(
  options: OpenOptions & { backend?: BackendName } = {},
): Promise<Verity & { dataDir: string; config: Config; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const config: Config = libraryOnlyConfig(dir, { databaseUrl: await freshDatabaseUrl(options.backend ?? defaultBackend()) });
  const verity = await openVerity(config, options);
  return {
    ...verity,
    dataDir: dir,
    config,
    cleanup: async () => {
      await verity.close();
      await cleanup();
    },
  };
}

/** VERITY_TEST_BACKEND=postgres runs every test that does not name a backend on PostgreSQL (to look for dialect gaps). */
function defaultBackend(): BackendName {
  return process.env.VERITY_TEST_BACKEND === "postgres" ? "postgres" : "sqlite";
}
