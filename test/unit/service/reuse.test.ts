import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { acceptInput } from "../../../src/domain/input.js";
import { libraryOnlyConfig } from "../../../src/service/config.js";
import { lookupReport, storedReport } from "../../../src/service/reuse.js";
import { CheckRepository } from "../../../src/store/checks.js";
import { databaseFile, openStore } from "../../../src/store/db.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { tempDir } from "../../helpers/verity.js";

const QUESTION = "Does coffee dehydrate you?";
const LATER = 3 * 365 * 86_400_000;

describe("reusing a stored report", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const checkedAt = new Date();
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const store = await openStore({ dataDir: dir });
    const checks = new CheckRepository(store);
    const report = sampleReport({ checkedAt: checkedAt.toISOString() });
    await checks.startNew({ id: report.id, matchKey: acceptInput(QUESTION).matchKey, inputText: QUESTION, now: report.checkedAt });
    await checks.publish(report);
    await store.close();
  });
  after(() => cleanup());

  it("reuses a report while it is fresh for its category, unless a fresh check is asked for", async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const checks = new CheckRepository(store);
      const asked = acceptInput("does coffee DEHYDRATE you");
      assert.equal((await lookupReport(checks, asked, {}, checkedAt)).reusable, true);
      assert.equal((await lookupReport(checks, asked, { fresh: true }, checkedAt)).reusable, false);
      const stale = await lookupReport(checks, asked, {}, new Date(checkedAt.getTime() + LATER));
      assert.equal(stale.reusable, false);
      assert.equal(stale.existing?.title, "Does coffee dehydrate you?", "a stale report is still found, to be refreshed");
      assert.deepEqual(await lookupReport(checks, acceptInput("Is tea good for you?"), {}, checkedAt), { existing: null, reusable: false });
    } finally {
      await store.close();
    }
  });

  it("the short way (SQLite alone) decides the same: the fresh report, or nothing", () => {
    const config = libraryOnlyConfig(dir);
    assert.deepEqual(
      storedReport(config, "does coffee DEHYDRATE you", {}, checkedAt),
      sampleReport({ checkedAt: checkedAt.toISOString() }),
    );
    assert.equal(storedReport(config, QUESTION, { fresh: true }, checkedAt), null);
    assert.equal(storedReport(config, QUESTION, {}, new Date(checkedAt.getTime() + LATER)), null, "stale");
    assert.equal(storedReport(config, "Is tea good for you?", {}, checkedAt), null);
    assert.equal(
      storedReport({ ...config, databaseUrl: "postgres://db/verity" }, QUESTION, {}, checkedAt),
      null,
      "PostgreSQL: the normal way",
    );
  });

  it("in doubt, finds nothing and creates nothing: no database, an empty or damaged file", async () => {
    const { dir: other, cleanup: done } = await tempDir();
    try {
      const config = libraryOnlyConfig(other);
      assert.equal(storedReport(config, QUESTION, {}, checkedAt), null);
      assert.equal(existsSync(databaseFile(other)), false, "no database made");
      writeFileSync(databaseFile(other), "");
      assert.equal(storedReport(config, QUESTION, {}, checkedAt), null);
      writeFileSync(databaseFile(other), Buffer.alloc(8192, 0x5a));
      assert.equal(storedReport(config, QUESTION, {}, checkedAt), null);
    } finally {
      await done();
    }
  });

  it("refuses bad input before opening anything", () => {
    assert.throws(() => storedReport(libraryOnlyConfig(`${dir}/never-made`), "   ", {}), /empty|nothing to check/i);
    assert.equal(existsSync(`${dir}/never-made`), false);
  });
});
