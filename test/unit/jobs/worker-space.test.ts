// The worker on a full disk (issue 20), with the store's writes made to fail as SQLite fails them
// (the real full disk, on a tmpfs, is test/integration/disk-full.test.ts): a worker that cannot even
// hand back the jobs a stopped one left running resumes once space returns, without a restart.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { normalizeForMatch } from "../../../src/domain/text.js";
import { openDispatch, type JobDispatch } from "../../../src/jobs/dispatch.js";
import { Worker } from "../../../src/jobs/worker.js";
import { JobEventRepository } from "../../../src/store/job-events.js";
import { JobRepository } from "../../../src/store/jobs.js";
import { LIBRARY } from "../../fixtures/library-docs.js";
import { tempVerity } from "../../helpers/verity.js";

const ICE = "Can local police refuse ICE detainer requests?";

/** Polls until `ready` holds; fails after a minute (a deadline against hanging, not a timing assertion). */
async function until(what: string, ready: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await ready())) {
    if (Date.now() > deadline) assert.fail(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the worker on a full disk", () => {
  let v: Awaited<ReturnType<typeof tempVerity>>;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
  });
  after(() => v.cleanup());

  it("resumes the jobs left running once space returns, without a restart", async () => {
    const jobs = new JobRepository(v.store);
    const jobId = randomUUID();
    const now = new Date().toISOString();
    assert.ok(await jobs.insert({ id: jobId, checkId: randomUUID(), input: ICE, matchKey: normalizeForMatch(ICE), fresh: false, now }));
    assert.ok(await jobs.claim(jobId, 0, now)); // as a stopped server leaves it

    let full = true;
    let refused = 0;
    // Taking back the job left running (its lease is gone) is the first write the worker makes.
    const dispatch = openDispatch(v.store);
    const flaky = Object.assign(Object.create(dispatch) as JobDispatch, {
      tend: async (owner: string, running: string[]) => {
        if (full) {
          refused++;
          throw new SQLite.SqliteError("database or disk is full", "SQLITE_FULL");
        }
        return dispatch.tend(owner, running);
      },
    });
    const log: string[] = [];
    const queue = new Worker(
      { service: v.service, checks: v.checks, jobs, events: new JobEventRepository(v.store), dispatch: flaky },
      { spaceRetryMs: 5, log: (message: string) => log.push(message), onError: (error: unknown) => assert.fail(String(error)) },
    );
    try {
      await assert.rejects(queue.start(), /database or disk is full/);
      await until("the worker tries again", () => refused >= 3);
      assert.equal((await jobs.get(jobId))?.status, "running");
      full = false;
      await until("the job done", async () => (await jobs.get(jobId))?.status === "done");
      await queue.whenIdle();
      assert.equal((await v.checks.findDoneByMatchKey(normalizeForMatch(ICE)))?.status, "done");
      assert.match(log[0] ?? "", /checks wait for space/);
      assert.match(log.at(-1) ?? "", /there is space again/);
    } finally {
      await queue.stop();
    }
  });
});
