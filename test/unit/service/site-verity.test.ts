// A web process's Verity (openSite, what `verity serve` opens): it answers from the archive and queues
// checks for a worker process, never runs one itself, and refuses what a worker would refuse.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { ConfigError } from "../../../src/domain/errors.js";
import { createServer } from "../../../src/server/app.js";
import { libraryOnlyConfig } from "../../../src/service/config.js";
import { openSite } from "../../../src/service/verity.js";
import { CheckRepository } from "../../../src/store/checks.js";
import { openStore } from "../../../src/store/db.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { tempDir } from "../../helpers/verity.js";

describe("a web process's Verity (openSite)", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const report = sampleReport({ checkedAt: new Date().toISOString() });
  before(async () => {
    ({ dir, cleanup } = await tempDir());
    const store = await openStore({ dataDir: dir });
    const checks = new CheckRepository(store);
    await checks.startNew({ id: report.id, matchKey: "does coffee dehydrate you", inputText: report.input.text, now: report.checkedAt });
    await checks.publish(report);
    await store.close();
  });
  after(() => cleanup());

  it("answers from the archive and queues the rest, running nothing", async () => {
    const site = await openSite(libraryOnlyConfig(dir));
    const app = createServer(site, { runChecks: false });
    try {
      const reused = await app.queue.enqueue("Does coffee dehydrate you?");
      assert.equal(reused.kind, "reused");
      assert.equal(reused.kind === "reused" && reused.report.id, report.id);
      const queued = await app.queue.enqueue("Is the Great Wall of China visible from space?");
      assert.equal(queued.kind === "job" && queued.status, "queued");
      const page = await app.request(report.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Does coffee dehydrate you\?/);
    } finally {
      await app.close();
      await site.close();
    }
  });

  it("cannot run checks in the web process", async () => {
    const site = await openSite(libraryOnlyConfig(dir));
    try {
      assert.throws(() => createServer(site, { runChecks: true }), /need a Verity opened with openVerity/);
    } finally {
      await site.close();
    }
  });

  it("refuses sources that the worker would refuse", async () => {
    await assert.rejects(openSite(libraryOnlyConfig(dir, { sources: ["library", "nonsense"] })), /unknown source "nonsense"/);
    await assert.rejects(openSite(libraryOnlyConfig(dir, { sources: ["brave"] })), /brave needs BRAVE_API_KEY/);
  });

  it("refuses a model configuration that the worker would refuse, before opening the store", async () => {
    await assert.rejects(openSite(libraryOnlyConfig(`${dir}/never`, { llm: "nonsense" })), ConfigError);
    assert.equal(existsSync(`${dir}/never`), false);
  });
});
