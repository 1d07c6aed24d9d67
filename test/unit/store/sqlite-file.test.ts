import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CheckRepository } from "../../../src/store/checks.js";
import { openStore } from "../../../src/store/db.js";
import { databaseFile, sizeWithWal, storedReportJson } from "../../../src/store/sqlite-file.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { tempDir } from "../../helpers/verity.js";

const MATCH_KEY = "does coffee dehydrate you";

describe("the short way to a stored report", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const store = await openStore({ dataDir: dir });
    const checks = new CheckRepository(store);
    // Two checks of the same question: the newer one is the answer, as CheckRepository finds it.
    const older = sampleReport({ id: "11111111-1111-4111-8111-111111111111", checkedAt: "2024-01-01T00:00:00.000Z" });
    const newer = sampleReport({ id: "22222222-2222-4222-8222-222222222222", checkedAt: "2024-06-01T00:00:00.000Z" });
    for (const report of [newer, older]) {
      await checks.startNew({ id: report.id, matchKey: MATCH_KEY, inputText: MATCH_KEY, now: report.checkedAt });
      await checks.publish(report);
    }
    await store.close();
  });
  after(() => cleanup());

  it("finds what CheckRepository.findDoneByMatchKey finds, without the query builder", async () => {
    const json = storedReportJson(dir, MATCH_KEY);
    assert.ok(json);
    assert.equal(JSON.parse(json).id, "22222222-2222-4222-8222-222222222222");
    const store = await openStore({ dataDir: dir });
    try {
      assert.deepEqual(JSON.parse(json), await new CheckRepository(store).findDoneByMatchKey(MATCH_KEY));
    } finally {
      await store.close();
    }
    assert.equal(storedReportJson(dir, "is tea good for you"), null);
  });

  it("measures the file with its write-ahead log", () => {
    assert.ok(sizeWithWal(databaseFile(dir)) > 0);
    assert.equal(sizeWithWal(databaseFile(`${dir}/none`)), 0);
  });
});
