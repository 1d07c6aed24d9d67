// The database commands as an operator runs them: `verity migrate` on PostgreSQL (the other commands
// refuse a database with pending migrations, in one line naming it), and `verity export` / `verity import`
// moving a publication from SQLite to PostgreSQL.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { openStore } from "../../src/store/db.js";
import { freshDatabase, POSTGRES_SKIP } from "../helpers/postgres.js";
import { tempDir } from "../helpers/verity.js";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/verity.js");

describe("verity migrate, export and import on PostgreSQL", { skip: POSTGRES_SKIP }, () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let databaseUrl: string;
  const run = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, VERITY_DATA_DIR: path.join(dir, "data"), VERITY_SOURCES: "library", ...env },
      encoding: "utf8",
      timeout: 120_000, // a bound against a command that would not stop (serve), not a timing
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const onPostgres = (...args: string[]) => run({ DATABASE_URL: databaseUrl }, ...args);
  const onSqlite = (...args: string[]) => run({}, ...args);

  before(async () => {
    ({ dir, cleanup } = await tempDir("verity-cli-db-"));
    databaseUrl = await freshDatabase();
    await writeFile(
      path.join(dir, "library.jsonl"),
      JSON.stringify({ id: 1, title: "Detainers", text: "Local police can refuse ICE detainer requests; detainers are voluntary." }) + "\n",
    );
  });
  after(async () => cleanup());

  it("refuses to check on a database with pending migrations, naming `verity migrate`", () => {
    const r = onPostgres("check", "Can police refuse ICE detainers?");
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^verity: the database has \d+ pending migration\(s\) .*run `verity migrate` first\n$/);
  });

  it("refuses to run a worker or a web process where pg-boss is not set up, naming `verity migrate`", async () => {
    const bare = await freshDatabase();
    await (await openStore({ dataDir: "", databaseUrl: bare, migrations: "apply" })).close(); // ours, not pg-boss's
    for (const args of [["worker"], ["serve", "--no-worker", "--port", "0"]]) {
      const r = run({ DATABASE_URL: bare }, ...args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^verity: the job queue \(pg-boss\) in postgres:\/\/.* is not set up: run `verity migrate` first\n$/);
    }
  });

  it("applies the migrations once, then has nothing to apply", () => {
    const first = onPostgres("migrate");
    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /^migrated postgres:\/\/.*: applied 001-library, .*006-embeddings, 007-job-leases, pg-boss schema \d+, pg-boss queue verity-checks\n$/,
    );
    const again = onPostgres("migrate");
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /is up to date \(no pending migrations\)/);
  });

  it("moves a publication from SQLite into PostgreSQL and checks there", async () => {
    assert.equal(onSqlite("ingest", "library.jsonl").status, 0);
    const checked = onSqlite("check", "--json", "Can police refuse ICE detainers?");
    assert.equal(checked.status, 0, checked.stderr);
    const exported = onSqlite("export", "publication.jsonl");
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /^exported 1 documents, \d+ source texts, 1 checks \(1 versions, 0 votes\) to publication\.jsonl\n$/);
    assert.match(exported.stderr, /exporting: 1 documents/, "progress on stderr");

    const imported = onPostgres("import", "publication.jsonl");
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /^imported 1 documents, \d+ source texts, 1 checks/);
    const again = onPostgres("export", "from-postgres.jsonl");
    assert.equal(again.status, 0, again.stderr);
    assert.equal(
      await readFile(path.join(dir, "from-postgres.jsonl"), "utf8"),
      await readFile(path.join(dir, "publication.jsonl"), "utf8"),
    );

    // The same question on PostgreSQL is answered from the imported check.
    const answered = onPostgres("check", "--json", "Can police refuse ICE detainers?");
    assert.equal(answered.status, 0, answered.stderr);
    assert.equal(JSON.parse(answered.stdout).id, JSON.parse(checked.stdout).id);
  });

  it("sends `verity backup` to pg_dump or `verity export` on PostgreSQL", () => {
    const r = onPostgres("backup", "copy.sqlite");
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^verity: `verity backup` copies the SQLite file; on PostgreSQL use pg_dump, or `verity export`/);
  });

  it("refuses a file that is not an export with one line naming the line", async () => {
    await writeFile(path.join(dir, "notes.jsonl"), "hello\n");
    const r = onPostgres("import", "notes.jsonl");
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "verity: notes.jsonl:1: not a JSON line\n");
  });
});
