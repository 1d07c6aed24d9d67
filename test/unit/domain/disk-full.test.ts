import assert from "node:assert/strict";
import { describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { DiskFullError, isDiskFull } from "../../../src/domain/disk-full.js";
import { ConfigError, isUserError } from "../../../src/domain/errors.js";

function coded(code: string, message = "something failed"): Error {
  return Object.assign(new Error(message), { code });
}

describe("isDiskFull", () => {
  it("knows SQLite's full database, the system's full disk and a reached quota", () => {
    assert.ok(isDiskFull(new SQLite.SqliteError("database or disk is full", "SQLITE_FULL")));
    assert.ok(isDiskFull(coded("ENOSPC", "ENOSPC: no space left on device, write")));
    assert.ok(isDiskFull(coded("EDQUOT")));
  });

  it("knows it by the message alone (a check's failure kept as text) and through causes", () => {
    assert.ok(isDiskFull(new Error("publishing failed: database or disk is full")));
    assert.ok(isDiskFull("No space left on device"));
    assert.ok(isDiskFull(new Error("the write stage failed", { cause: coded("SQLITE_FULL") })));
  });

  it("is not any other failure: an I/O error, a busy database, a bad input, nothing", () => {
    assert.ok(!isDiskFull(coded("SQLITE_IOERR_SHMSIZE", "disk I/O error")));
    assert.ok(!isDiskFull(coded("SQLITE_BUSY", "database is locked")));
    assert.ok(!isDiskFull(new Error("the disk of the moon is full of craters")));
    assert.ok(!isDiskFull(null));
    assert.ok(!isDiskFull(undefined));
    assert.ok(!isDiskFull(42));
  });

  it("stops following a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    assert.ok(!isDiskFull(a));
  });

  it("a full disk at start-up is the operator's to fix, like configuration (exit status 2)", () => {
    const error = new DiskFullError("the disk holding the data directory /srv/verity is full");
    assert.ok(error instanceof ConfigError);
    assert.ok(isUserError(error));
    assert.ok(!isDiskFull(error), "its own message is shown as it is");
  });
});
