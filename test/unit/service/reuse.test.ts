import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { acceptInput } from "../../../src/domain/input.js";
import { libraryOnlyConfig } from "../../../src/service/config.js";
import { lookupReport, openAndLookUp } from "../../../src/service/reuse.js";
import { CheckRepository } from "../../../src/store/checks.js";
import { openStore } from "../../../src/store/db.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { tempDir } from "../../helpers/verity.js";

const QUESTION = "Does coffee dehydrate you?";

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
      const muchLater = new Date(checkedAt.getTime() + 3 * 365 * 86_400_000);
      const stale = await lookupReport(checks, asked, {}, muchLater);
      assert.equal(stale.reusable, false);
      assert.equal(stale.existing?.title, "Does coffee dehydrate you?", "a stale report is still found, to be refreshed");
      assert.deepEqual(await lookupReport(checks, acceptInput("Is tea good for you?"), {}, checkedAt), { existing: null, reusable: false });
    } finally {
      await store.close();
    }
  });

  it("opens the store and answers from it, or hands the open store on for the check", async () => {
    const config = libraryOnlyConfig(dir);
    const hit = await openAndLookUp(config, QUESTION, {});
    assert.equal(hit.reused?.title, "Does coffee dehydrate you?");
    await hit.store.close();
    for (const [input, fresh] of [
      [QUESTION, true],
      ["Is tea good for you?", false],
    ] as const) {
      const miss = await openAndLookUp(config, input, { fresh });
      assert.equal(miss.reused, null);
      assert.equal(await new CheckRepository(miss.store).row(hit.reused!.id).then((row) => row?.status), "done", "the store is open");
      await miss.store.close();
    }
  });

  it("refuses bad input before opening anything", async () => {
    await assert.rejects(openAndLookUp(libraryOnlyConfig(`${dir}/never-made`), "   ", {}), /empty|nothing to check/i);
    assert.equal(existsSync(`${dir}/never-made`), false);
  });
});
