import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ReadCounts } from "../../../src/service/read-counts.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { tempVerity } from "../../helpers/verity.js";
import { sqliteHandle } from "../../../src/store/db.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

describe("ReadCounts", () => {
  let v: TempVerity;
  let id = "";
  const readsOf = (checkId: string) =>
    (sqliteHandle(v.store).prepare("SELECT reads FROM check_reads WHERE check_id = ?").get(checkId) as { reads: number } | undefined)
      ?.reads ?? 0;

  before(async () => {
    v = await tempVerity();
    const report = sampleReport();
    await v.checks.startNew({ id: report.id, matchKey: "read counts", inputText: report.input.text, now: report.checkedAt });
    await v.checks.publish(report);
    id = report.id;
  });
  after(() => v.cleanup());

  it("writes the counts of many reads in one flush, and flushes one at a time", async () => {
    const reads = new ReadCounts(v.store);
    let flushed = 0;
    reads.onFlushed(() => flushed++);
    for (let i = 0; i < 5; i++) reads.count(id);
    reads.count("00000000-0000-0000-0000-000000000000"); // no such check: skipped, not an error
    const [first, second] = await Promise.all([reads.flush(), reads.flush()]);
    assert.equal(first + second, 6);
    assert.equal(readsOf(id), 5);
    assert.equal(flushed, 1, "the second had nothing left to write");
    assert.equal(await reads.flush(), 0);
  });

  it("keeps the counts when writing fails, and writes them on the next flush", async () => {
    const logged: unknown[] = [];
    const reads = new ReadCounts(v.store, (...args) => logged.push(args));
    const start = readsOf(id);
    reads.count(id);
    sqliteHandle(v.store).pragma("query_only = ON");
    try {
      assert.equal(await reads.flush(), 0);
      reads.count(id);
    } finally {
      sqliteHandle(v.store).pragma("query_only = OFF");
    }
    assert.equal(logged.length, 1);
    assert.equal(reads.unwritten, 2);
    await reads.stop();
    assert.equal(readsOf(id), start + 2);
  });
});
