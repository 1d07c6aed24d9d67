// `verity backup`'s service half: the database is read by quick_check once (the copy's check), and a
// live file damaged inside is still refused with the line that names it, leaving no backup behind.
import assert from "node:assert/strict";
import { closeSync, openSync, readdirSync, writeSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { DamagedDatabaseError } from "../../../src/domain/errors.js";
import { backupDatabase } from "../../../src/service/backup.js";
import { libraryOnlyConfig } from "../../../src/service/config.js";
import { databaseFile, openStore, sqliteHandle } from "../../../src/store/db.js";
import { LibraryRepository } from "../../../src/store/library.js";
import { LIBRARY } from "../../fixtures/library-docs.js";
import { tempDir } from "../../helpers/verity.js";

/** A data directory holding the library; returns where the `passages` table's first page starts in the file. */
async function libraryDir(dir: string): Promise<number> {
  const store = await openStore({ dataDir: dir });
  await new LibraryRepository(store).upsertMany(LIBRARY);
  const sqlite = sqliteHandle(store);
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  const root = sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'passages'").pluck().get() as number;
  await store.close();
  return (root - 1) * pageSize;
}

/** How many times SQLite's quick_check runs, on any connection of this process, while `run` runs. */
async function quickChecksDuring(run: () => Promise<unknown>): Promise<number> {
  const pragma = SQLite.prototype.pragma;
  let count = 0;
  SQLite.prototype.pragma = function (this: SQLite.Database, ...args: Parameters<SQLite.Database["pragma"]>) {
    if (/^\s*quick_check/i.test(args[0])) count++;
    return pragma.apply(this, args);
  };
  try {
    await run();
  } finally {
    SQLite.prototype.pragma = pragma;
  }
  return count;
}

describe("backupDatabase", () => {
  it("reads the database with quick_check once: the copy's", async () => {
    const { dir, cleanup } = await tempDir("verity-backup-service-");
    try {
      const live = path.join(dir, "live");
      await libraryDir(live);
      let documents = 0;
      const checks = await quickChecksDuring(async () => {
        ({ documents } = await backupDatabase(libraryOnlyConfig(live), path.join(dir, "copy.sqlite")));
      });
      assert.equal(documents, LIBRARY.length);
      assert.equal(checks, 1);
    } finally {
      await cleanup();
    }
  });

  it("refuses a live file damaged inside with the line that names it, and leaves no backup", async () => {
    const { dir, cleanup } = await tempDir("verity-backup-service-");
    try {
      const live = path.join(dir, "live");
      const offset = await libraryDir(live);
      // The passages table's first page no longer reads as a b-tree page; opening the file does not touch it.
      const fd = openSync(databaseFile(live), "r+");
      writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, offset);
      closeSync(fd);
      const target = path.join(dir, "backups", "copy.sqlite");
      await assert.rejects(
        backupDatabase(libraryOnlyConfig(live), target),
        (e: Error) => e instanceof DamagedDatabaseError && e.message.startsWith(`${databaseFile(live)} is damaged (`),
      );
      const left = readdirSync(dir, { recursive: true }).map(String);
      assert.deepEqual(
        left.filter((f) => f.includes("copy.sqlite")),
        [],
        "no backup, not even a partial one",
      );
    } finally {
      await cleanup();
    }
  });
});
