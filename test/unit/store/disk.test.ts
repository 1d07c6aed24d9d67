import assert from "node:assert/strict";
import os from "node:os";
import { describe, it } from "node:test";
import { DiskFullError } from "../../../src/domain/disk-full.js";
import { diskFullAtStart, freeBytes } from "../../../src/store/disk.js";

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("the disk under the data directory", () => {
  it("says how many bytes are free, and null where it cannot tell", () => {
    const free = freeBytes(os.tmpdir());
    assert.ok(typeof free === "number" && free >= 0);
    assert.equal(freeBytes("/no/such/directory/at/all"), null);
  });

  it("turns a refused write at start-up into one line that names the data directory", () => {
    const error = diskFullAtStart(coded("SQLITE_FULL", "database or disk is full"), "/no/such/data");
    assert.ok(error instanceof DiskFullError);
    assert.equal(
      error.message,
      "the disk holding the data directory /no/such/data is full: Verity cannot start. Free some space on it " +
        "(or set VERITY_DATA_DIR to a directory on a disk with room) and start again",
    );
    assert.ok(!error.message.includes("\n"));
  });

  it("leaves other failures alone, an I/O error with room to spare among them", () => {
    const dir = os.tmpdir();
    assert.ok((freeBytes(dir) ?? 0) > 1024 ** 2, "this test needs a little room in the temporary directory");
    assert.equal(diskFullAtStart(coded("SQLITE_IOERR_SHMSIZE", "disk I/O error"), dir), null);
    assert.equal(diskFullAtStart(coded("SQLITE_CORRUPT", "database disk image is malformed"), dir), null);
    assert.equal(diskFullAtStart(new Error("anything else"), dir), null);
  });
});
