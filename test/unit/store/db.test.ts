// Opening the store: a damaged database or an empty file is refused with a one-line message that
// names the file and the way back; a missing file is a new database.
import assert from "node:assert/strict";
import { closeSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ConfigError, DamagedDatabaseError } from "../../../src/domain/errors.js";
import type { IncomingDocument } from "../../../src/domain/document.js";
import { databaseFile, openStore, pendingMigrations } from "../../../src/store/db.js";
import { LibraryRepository } from "../../../src/store/library.js";
import { seededRandom } from "../../../bench/quality/metrics.js";
import { tempDir } from "../../helpers/verity.js";
import { freshDatabase, POSTGRES_SKIP } from "../../helpers/postgres.js";

/** Noise, the same on every run. */
function randomBytes(seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

/** A real database of a few hundred pages: documents, their passages and the full-text index. */
async function makeDatabase(dataDir: string): Promise<string> {
  const store = await openStore({ dataDir });
  const documents: IncomingDocument[] = Array.from({ length: 120 }, (_, i) => ({
    key: `jsonl:doc-${i}`,
    title: `Document ${i} about coffee, tea and health`,
    text: Array.from({ length: 12 }, (_, j) => `Sentence ${j} of document ${i} says that cohort ${i * 7 + j} drank coffee and lived.`).join(
      " ",
    ),
    url: null,
    publisher: null,
    author: null,
    publishedAt: null,
    format: "jsonl",
    origin: `jsonl:doc-${i}`,
  }));
  await new LibraryRepository(store).upsertMany(documents);
  await store.close(); // checkpoints the write-ahead log into the file
  return databaseFile(dataDir);
}

const isDamaged = (file: string, pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof DamagedDatabaseError, String(error));
  assert.ok(!error.message.includes("\n"), "one line");
  assert.ok(error.message.startsWith(file), `names the file first: ${error.message}`);
  assert.match(error.message, pattern);
  return true;
};

describe("opening the store", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir, cleanup } = await tempDir("verity-db-"));
  });
  after(async () => cleanup());

  it("opens a sound database, and makes a new one where there is none", async () => {
    const dataDir = path.join(dir, "sound");
    const file = await makeDatabase(dataDir);
    const store = await openStore({ dataDir });
    assert.equal((await new LibraryRepository(store).count()).documents, 120);
    await store.close();
    assert.ok(statSync(file).size > 100 * 4096);
  });

  // Small files are quick-checked on the opening connection, larger ones on a thread of their own.
  for (const [where, quickCheckThreadBytes] of [
    ["here", Infinity],
    ["on a thread", 0],
  ] as const) {
    it(`refuses a database with random bytes in the middle, saying how to recover (quick_check ${where})`, async () => {
      const dataDir = path.join(dir, `damaged-${quickCheckThreadBytes}`);
      const file = await makeDatabase(dataDir);
      const size = statSync(file).size;
      // Eight pages of noise in the middle of the file.
      const fd = openSync(file, "r+");
      writeSync(fd, randomBytes(20, 8 * 4096), 0, 8 * 4096, Math.floor(size / 2 / 4096) * 4096);
      closeSync(fd);
      await assert.rejects(
        openStore({ dataDir, quickCheckThreadBytes }),
        isDamaged(
          file,
          /is damaged \((quick_check: |database disk image is malformed).+\); Verity will not start on it\. Restore a backup .*sqlite3 .* \.recover \| sqlite3 recovered\.sqlite/,
        ),
      );
    });
  }

  it("opens a sound database quick-checked on a thread", async () => {
    const dataDir = path.join(dir, "sound-thread");
    await makeDatabase(dataDir);
    const store = await openStore({ dataDir, quickCheckThreadBytes: 0 });
    assert.equal((await new LibraryRepository(store).count()).documents, 120);
    await store.close();
  });

  it("refuses a file that is not a database", async () => {
    const dataDir = path.join(dir, "not-a-database");
    const file = await makeDatabase(dataDir);
    writeFileSync(file, randomBytes(7, 64 * 1024));
    await assert.rejects(openStore({ dataDir }), isDamaged(file, /is damaged \(file is not a database\)/));
  });

  it("refuses an existing empty file instead of taking it for a new database", async () => {
    const dataDir = path.join(dir, "empty");
    const file = await makeDatabase(dataDir);
    writeFileSync(file, "");
    await assert.rejects(
      openStore({ dataDir }),
      isDamaged(file, /is empty \(0 bytes\), so it is not taken as a new database.*delete the file/),
    );
    assert.equal(statSync(file).size, 0, "the file is left as it was");
  });

  it("skips the quick_check on a file over the bound (what it does not read, it cannot refuse)", async () => {
    const dataDir = path.join(dir, "bounded");
    const file = await makeDatabase(dataDir);
    const fd = openSync(file, "r+");
    writeSync(fd, randomBytes(21, 8 * 4096), 0, 8 * 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const store = await openStore({ dataDir, quickCheckMaxBytes: 4096 });
    await store.close();
  });
});

describe("opening a PostgreSQL store", { skip: POSTGRES_SKIP }, () => {
  const oneLine = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof ConfigError, String(error));
    assert.ok(!error.message.includes("\n"), "one line");
    assert.match(error.message, pattern);
    return true;
  };

  it("refuses a database with pending migrations until `verity migrate` has applied them", async () => {
    const url = await freshDatabase();
    await assert.rejects(openStore({ dataDir: "", databaseUrl: url }), oneLine(/pending migration.*run `verity migrate` first/));
    const migrated = await openStore({ dataDir: "", databaseUrl: url, migrations: "apply" });
    assert.deepEqual(await pendingMigrations(migrated.db), []);
    await migrated.close();
    const store = await openStore({ dataDir: "", databaseUrl: url });
    assert.equal(store.kind, "postgres");
    await store.close();
  });

  it("says in one line, without the password, when it cannot connect", async () => {
    const { dir, cleanup } = await tempDir("verity-no-server-");
    const url = `postgres://someone:secret@localhost/nowhere?host=${encodeURIComponent(dir)}`;
    try {
      await assert.rejects(openStore({ dataDir: "", databaseUrl: url }), (error: unknown) => {
        oneLine(/^cannot connect to PostgreSQL at /)(error);
        assert.ok(!(error as Error).message.includes("secret"));
        return true;
      });
    } finally {
      await cleanup();
    }
  });
});
