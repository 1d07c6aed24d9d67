// What the job queue does on every database (one suite, run on SQLite's leased jobs table and on pg-boss):
// a failed run is tried again; a job whose worker stopped answering (a lease that ran out, a pg-boss expiry)
// goes to another worker, and the first run, back to life, records and publishes nothing; a run killed after
// publishing is not run again (publishing is idempotent per job); the same question asked while it runs
// joins it; a stopping worker hands its running job back. Each ends with the check published once.
// Jobs are made to expire or wait in seconds through the dispatch's settings, never by waiting on a clock.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { normalizeForMatch } from "../../src/domain/text.js";
import { openDispatch, type DispatchSettings } from "../../src/jobs/dispatch.js";
import { Worker } from "../../src/jobs/worker.js";
import { createServer, type VerityServer } from "../../src/server/app.js";
import type { CheckService } from "../../src/service/check-service.js";
import { JobEventRepository } from "../../src/store/job-events.js";
import { JobRepository } from "../../src/store/jobs.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { BACKENDS } from "../helpers/stores.js";
import { until } from "../helpers/until.js";
import { tempVerity } from "../helpers/verity.js";
import { gatedService } from "../helpers/website.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;
type Service = Pick<CheckService, "submit">;

const HOUR = 3600_000;
/** Leases and expiries of a few seconds, and failed runs tried again at once. */
const QUICK: Partial<DispatchSettings> = { leaseMs: 2000, expiryMs: 2000, retryDelayMs: 0 };

/** A service whose runs fail `times` times, then run as `service` does; counts its runs. */
function failingFirst(service: Service, times: number): Service & { runs: () => number } {
  let runs = 0;
  return {
    runs: () => runs,
    submit: async (submission, options) => {
      runs++;
      if (runs <= times) return { id: options?.id ?? "", done: Promise.reject(new Error("the library is unreachable")) };
      return service.submit(submission, options);
    },
  };
}

/** A service that publishes, then never answers: its worker dies between publishing and recording it. */
function publishThenHang(service: Service): Service {
  return {
    submit: async (submission, options) => {
      const submitted = await service.submit(submission, options);
      if ("reused" in submitted) return submitted;
      return { id: submitted.id, done: submitted.done.then(() => new Promise<never>(() => {})) };
    },
  };
}

for (const backend of BACKENDS) {
  describe(`the job queue on ${backend.name}`, { skip: backend.skip }, () => {
    let v: TempVerity;
    let jobs: JobRepository;
    let events: JobEventRepository;
    let site: VerityServer;
    const workers: Worker[] = [];
    before(async () => {
      v = await tempVerity({ backend: backend.name });
      await v.library.upsertMany(LIBRARY);
      jobs = new JobRepository(v.store);
      events = new JobEventRepository(v.store);
      // The web process that queues the checks, running none.
      site = createServer(v, { runChecks: false, jobs: QUICK });
    });
    after(async () => {
      for (const w of workers) await w.stop({ timeoutMs: 0 });
      await site.close();
      await v.cleanup();
    });

    const worker = (service: Service, settings: Partial<DispatchSettings> = {}) => {
      const dispatch = openDispatch(v.store, { ...QUICK, ...settings });
      const w = new Worker({ service, checks: v.checks, jobs, events, dispatch }, { concurrency: 1, pollMs: 20 });
      workers.push(w);
      return w;
    };

    async function queue(question: string): Promise<{ jobId: string; checkId: string }> {
      const queued = await site.queue.enqueue(question);
      assert.equal(queued.kind, "job");
      return queued.kind === "job" ? { jobId: queued.jobId, checkId: queued.checkId } : { jobId: "", checkId: "" };
    }

    async function eventTypes(checkId: string): Promise<string[]> {
      return (await events.after(0, 10_000)).filter((e) => e.checkId === checkId).map((e) => e.type);
    }

    /** One published version, and readers told "done" once. */
    async function assertPublishedOnce(checkId: string): Promise<void> {
      assert.equal((await v.checks.versions(checkId)).length, 1, "one version");
      assert.equal((await v.checks.get(checkId))?.status, "done");
      assert.equal((await eventTypes(checkId)).filter((t) => t === "done").length, 1, 'one "done" event');
    }

    it("tries a failed run again, and publishes once", async () => {
      const { jobId, checkId } = await queue("Does coffee cause cancer?");
      const flaky = failingFirst(v.service, 1);
      const w = worker(flaky);
      await w.start();
      await until("the job is done", async () => (await jobs.get(jobId))?.status === "done");
      await w.stop();
      const job = await jobs.get(jobId);
      assert.equal(job?.attempts, 2);
      assert.equal(job?.error, null);
      assert.equal(flaky.runs(), 2);
      const types = await eventTypes(checkId);
      assert.deepEqual(types.slice(0, 2), ["queued", "started"]);
      assert.ok(types.indexOf("queued", 1) > 0, `readers are told it waits again: ${types.join(", ")}`);
      await assertPublishedOnce(checkId);
    });

    it("gives a failing check up after its last attempt, and says why", async () => {
      const { jobId, checkId } = await queue("Is the Great Wall of China visible from space?");
      const failing = failingFirst(v.service, 100);
      const w = worker(failing);
      await w.start();
      await until("the job failed", async () => (await jobs.get(jobId))?.status === "failed");
      await w.stop();
      assert.equal(failing.runs(), 3, "run as many times as allowed");
      assert.match((await jobs.get(jobId))?.error ?? "", /the library is unreachable/);
      const types = await eventTypes(checkId);
      assert.equal(types.filter((t) => t === "failed").length, 1);
      assert.equal(types.at(-1), "failed");
      assert.equal((await v.checks.versions(checkId)).length, 0);
    });

    it("gives the job of a worker that stopped answering to another; the first run, back to life, records and publishes nothing", async () => {
      const { jobId, checkId } = await queue("Can local police refuse ICE detainer requests?");
      const gate = gatedService(v);
      // Its clock is an hour behind: on SQLite every lease it takes or renews has run out for the others;
      // on pg-boss its job expires (the expiry is the server's) since the run outlasts it.
      const stuck = worker(gate.service, { now: () => new Date(Date.now() - HOUR) });
      await stuck.start();
      await gate.started;

      const other = worker(v.service);
      await other.start();
      await until("another worker finished it", async () => (await jobs.get(jobId))?.status === "done");
      let job = await jobs.get(jobId);
      assert.equal(job?.attempts, 2);

      gate.open(); // the first run goes on, and tries to publish the same version
      await stuck.stop();
      await other.stop();
      job = await jobs.get(jobId);
      assert.equal(job?.status, "done");
      assert.equal(job?.error, null, "the lost run's failure is not recorded");
      await assertPublishedOnce(checkId);
    });

    it("does not run again a job whose run published and died before recording it", async () => {
      const { jobId, checkId } = await queue("Did the moon landing happen in 1969?");
      const dying = worker(publishThenHang(v.service), { now: () => new Date(Date.now() - HOUR) });
      await dying.start();
      await until("the report is published", async () => (await v.checks.versions(checkId)).length === 1);

      const counted = failingFirst(v.service, 0);
      const other = worker(counted);
      await other.start();
      await until("the job is done", async () => (await jobs.get(jobId))?.status === "done");
      await other.stop();
      assert.equal(counted.runs(), 0, "not run again");
      assert.equal((await jobs.get(jobId))?.attempts, 2);
      await assertPublishedOnce(checkId);
    });

    it("joins the same question asked while it runs", async () => {
      const question = "Does vitamin C prevent colds?";
      const gate = gatedService(v);
      const w = worker(gate.service);
      const first = await queue(question);
      await w.start();
      await gate.started;
      const again = await site.queue.enqueue("does VITAMIN C prevent colds");
      assert.equal(again.kind, "job");
      if (again.kind === "job") {
        assert.equal(again.joined, true);
        assert.equal(again.jobId, first.jobId);
        assert.equal(again.checkId, first.checkId);
        assert.equal(again.status, "running");
      }
      gate.open();
      await until("the job is done", async () => (await jobs.get(first.jobId))?.status === "done");
      await w.stop();
      const rows = await v.store.db.selectFrom("jobs").select("id").where("match_key", "=", normalizeForMatch(question)).execute();
      assert.equal(rows.length, 1, "one job");
      await assertPublishedOnce(first.checkId);
    });

    it("takes a stopping worker's running job back, for another worker to finish", async () => {
      const { jobId, checkId } = await queue("Is the Amazon rainforest the largest on Earth?");
      const gate = gatedService(v);
      const w = worker(gate.service);
      await w.start();
      await gate.started;
      assert.equal((await jobs.get(jobId))?.status, "running");
      assert.equal(await w.stop({ timeoutMs: 0 }), 1);
      const job = await jobs.get(jobId);
      assert.equal(job?.status, "queued");
      assert.equal(job?.leaseOwner, null);
      assert.equal((await eventTypes(checkId)).at(-1), "queued", "readers are told it waits again");
      gate.open();

      const next = worker(v.service);
      await next.start();
      await until("the job is done", async () => (await jobs.get(jobId))?.status === "done");
      await next.stop();
      await assertPublishedOnce(checkId);
    });
  });
}
