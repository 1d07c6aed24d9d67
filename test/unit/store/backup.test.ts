// `verity backup`'s store half: a copy through SQLite's online backup API that opens as a store with
// the same checks, made while another connection keeps writing, and never over an existing file.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { BadInputError } from "../../../src/domain/errors.js";
import { backupStore } from "../../../src/store/backup.js";
import { CheckRepository } from "../../../src/store/checks.js";
import { databaseFile, openStore, type Store } from "../../../src/store/db.js";
import { LibraryRepository } from "../../../src/store/library.js";
import { LIBRARY } from "../../fixtures/library-docs.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { tempDir } from "../../helpers/verity.js";

describe("backupStore", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: Store;
  const report = sampleReport();
  before(async () => {
    ({ dir, cleanup } = await tempDir("verity-backup-"));
    store = await openStore({ dataDir: path.join(dir, "live") });
    const checks = new CheckRepository(store);
    await checks.startNew({ id: report.id, matchKey: "does coffee dehydrate you", inputText: report.input.text, now: report.checkedAt });
    await checks.publish(report);
    await new LibraryRepository(store).upsertMany(LIBRARY);
  });
  after(async () => {
    await store.close();
    await cleanup();
  });

  it("copies the store into a new file that opens with the check in it", async () => {
    const target = path.join(dir, "backups", "verity-1.sqlite");
    const summary = await backupStore(store, target);
    assert.deepEqual({ ...summary, bytes: summary.bytes > 0 }, { file: target, bytes: true, checks: 1, documents: LIBRARY.length });
    assert.deepEqual(readdirSync(path.dirname(target)), ["verity-1.sqlite"], "one self-contained file, no log beside it");

    // Restored: the backup put in a data directory's place.
    const restoredDir = path.join(dir, "restored");
    await openStore({ dataDir: restoredDir }).then((s) => s.close());
    copyFileSync(target, databaseFile(restoredDir));
    const restored = await openStore({ dataDir: restoredDir });
    try {
      assert.deepEqual(await new CheckRepository(restored).get(report.id), report);
      assert.equal((await new LibraryRepository(restored).count()).documents, LIBRARY.length);
    } finally {
      await restored.close();
    }
  });

  it("is consistent while another connection writes (as `verity serve` does)", async () => {
    const writer = new SQLite(databaseFile(path.join(dir, "live")));
    writer.pragma("busy_timeout = 5000");
    let writes = 0;
    let writing = true;
    const write = (): void => {
      if (!writing) return;
      writer
        .prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(`k${writes % 10}`, String(writes), new Date(0).toISOString());
      writes++;
      setImmediate(write);
    };
    write();
    try {
      const summary = await backupStore(store, path.join(dir, "backups", "while-writing.sqlite"));
      assert.equal(summary.checks, 1);
    } finally {
      writing = false;
      writer.close();
    }
    assert.ok(writes > 0);
  });

  it("never overwrites a file, nor the live database", async () => {
    const existing = path.join(dir, "precious.txt");
    writeFileSync(existing, "keep me");
    await assert.rejects(backupStore(store, existing), (e: Error) => e instanceof BadInputError && /already exists/.test(e.message));
    await assert.rejects(backupStore(store, databaseFile(path.join(dir, "live"))), BadInputError);
    assert.ok(existsSync(existing));
    assert.ok(!readdirSync(dir).some((f) => f.includes(".partial-")), "no partial file left");
  });
});
