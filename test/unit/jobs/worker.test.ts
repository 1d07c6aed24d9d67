// The worker's hold on its jobs: a stop hands the running ones back; a worker whose lease ran out
// (as a frozen or killed one's does) loses its job to another, and when it comes back to life its
// run records nothing and publishes nothing: the check ends published once.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer } from "../../../src/server/app.js";
import { Worker } from "../../../src/jobs/worker.js";
import { JobEventRepository } from "../../../src/store/job-events.js";
import { JobRepository } from "../../../src/store/jobs.js";
import type { CheckService } from "../../../src/service/check-service.js";
import { LIBRARY } from "../../fixtures/library-docs.js";
import { tempVerity } from "../../helpers/verity.js";
import { gatedService } from "../../helpers/website.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;
const HOUR = 3600_000;

describe("a worker's jobs", () => {
  let v: TempVerity;
  let jobs: JobRepository;
  let events: JobEventRepository;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    jobs = new JobRepository(v.store);
    events = new JobEventRepository(v.store);
  });
  after(async () => v.cleanup());

  const worker = (service: Pick<CheckService, "submit">, options: ConstructorParameters<typeof Worker>[1] = {}) =>
    new Worker({ service, checks: v.checks, jobs, events }, { concurrency: 1, pollMs: 20, ...options });

  async function queue(question: string): Promise<{ jobId: string; checkId: string }> {
    const app = createServer(v, { runChecks: false });
    const queued = await app.queue.enqueue(question);
    await app.close();
    assert.equal(queued.kind, "job");
    return queued.kind === "job" ? { jobId: queued.jobId, checkId: queued.checkId } : { jobId: "", checkId: "" };
  }

  it("are handed back to the queue when it stops before they finish", async () => {
    const { jobId, checkId } = await queue("Does coffee cause cancer?");
    const gate = gatedService(v);
    const w = worker(gate.service);
    await w.start();
    await gate.started;
    assert.equal((await jobs.get(jobId))?.status, "running");
    assert.equal(await w.stop({ timeoutMs: 0 }), 1);
    const job = await jobs.get(jobId);
    assert.equal(job?.status, "queued");
    assert.equal(job?.leaseOwner, null);
    const types = (await events.after(0, 1000)).filter((e) => e.checkId === checkId).map((e) => e.type);
    assert.deepEqual(types.slice(0, 2), ["queued", "started"]);
    assert.equal(types.at(-1), "queued", "readers are told it waits again");
    gate.open();

    // Another worker finishes it.
    const next = worker(v.service);
    await next.whenIdle();
    await next.stop();
    await w.stop(); // its run, handed back, went on meanwhile
    assert.equal((await jobs.get(jobId))?.status, "done");
    assert.equal((await v.checks.versions(checkId)).length, 1);
  });

  it("whose lease ran out go to another worker, and the first run, back to life, records and publishes nothing", async () => {
    const { jobId, checkId } = await queue("Can local police refuse ICE detainer requests?");
    const gate = gatedService(v);
    // Its clock is an hour behind: every lease it takes or renews has run out for the others.
    const frozen = worker(gate.service, { now: () => new Date(Date.now() - HOUR) });
    await frozen.start();
    await gate.started;

    const other = worker(v.service);
    await other.whenIdle();
    let job = await jobs.get(jobId);
    assert.equal(job?.status, "done", "taken over and finished");
    assert.equal(job?.attempts, 2);

    gate.open(); // the first run goes on, and tries to publish the same version
    await frozen.stop();
    await other.stop();
    job = await jobs.get(jobId);
    assert.equal(job?.status, "done");
    assert.equal(job?.error, null, "the lost run's failure is not recorded");
    assert.equal((await v.checks.versions(checkId)).length, 1, "published once");
    const done = (await events.after(0, 1000)).filter((e) => e.checkId === checkId && e.type === "done");
    assert.equal(done.length, 1);
  });
});
