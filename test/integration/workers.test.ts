// Checks run in worker processes (issue 20, point 1; issue 19, points 1 and 3): a web process that
// runs no checks follows their progress through the store; `verity serve` hands unfinished checks
// back on SIGTERM and finishes them after a restart; a worker killed mid-check loses nothing and
// every check is published exactly once; on PostgreSQL (pg-boss), one web process and two workers take
// 30 checks submitted through the API, one worker is killed mid-way, and a reader's progress stream
// follows its check through the kill to the end. The checks are held in their search (a SearXNG stand-in
// that answers only when the test lets it), so each is caught running, whatever the machine's speed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer } from "../../src/server/app.js";
import { openWorker } from "../../src/jobs/worker.js";
import { JobRepository, type Job } from "../../src/store/jobs.js";
import { POSTGRES_SKIP } from "../helpers/postgres.js";
import { startFixtureServer, type FixtureServer } from "../fixtures/servers/fixture-server.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { startCli } from "../helpers/cli-process.js";
import { until } from "../helpers/until.js";
import { tempVerity } from "../helpers/verity.js";
import { listen, readEvents } from "../helpers/website.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

const QUESTIONS = [
  "Can local police refuse ICE detainer requests?",
  "Does coffee cause cancer?",
  "Is the Great Wall of China visible from space?",
  "Did the moon landing happen in 1969?",
  "Does vitamin C prevent colds?",
  "Is the Amazon rainforest the largest on Earth?",
];

/** A SearXNG stand-in that holds every search until `open()` (then answers with no results). */
async function heldSearch(): Promise<{ server: FixtureServer; open: () => void }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const server = await startFixtureServer(async () => {
    await gate;
    return { body: { query: "", number_of_results: 0, results: [], answers: [], infoboxes: [], suggestions: [] } };
  });
  return { server, open };
}

/** A SearXNG stand-in that answers at once (with no results) except while held. */
async function switchableSearch(): Promise<{ server: FixtureServer; hold: () => void; release: () => void }> {
  let gate: Promise<void> | null = null;
  let open = () => {};
  const server = await startFixtureServer(async () => {
    await gate;
    return { body: { query: "", number_of_results: 0, results: [], answers: [], infoboxes: [], suggestions: [] } };
  });
  const release = () => {
    open();
    gate = null;
  };
  const hold = () => {
    release();
    gate = new Promise<void>((resolve) => (open = resolve));
  };
  return { server, hold, release };
}

/** Queues the questions as the website does, from a web process that runs no checks. */
async function queueQuestions(v: TempVerity, jobs: { expiryMs?: number } = {}): Promise<string[]> {
  const app = createServer(v, { runChecks: false, jobs });
  const ids: string[] = [];
  for (const question of QUESTIONS) {
    const queued = await app.queue.enqueue(question);
    assert.equal(queued.kind, "job");
    if (queued.kind === "job") {
      assert.equal(queued.status, "queued", "nothing runs the check in a web process");
      ids.push(queued.checkId);
    }
  }
  await app.close();
  return ids;
}

async function jobsOf(v: TempVerity): Promise<Job[]> {
  const jobs = new JobRepository(v.store);
  const rows = await v.store.db.selectFrom("jobs").select("id").execute();
  return (await Promise.all(rows.map((r) => jobs.get(r.id)))).filter((j): j is Job => j !== null);
}

/** Each check has exactly one published version, and readers were told "done" once for it. */
async function assertPublishedOnce(v: TempVerity, checkIds: string[]): Promise<void> {
  for (const id of checkIds) {
    assert.equal((await v.checks.versions(id)).length, 1, `check ${id}: one version`);
    assert.equal((await v.checks.get(id))?.status, "done");
  }
  const done = await v.store.db.selectFrom("job_events").select("check_id").where("type", "=", "done").execute();
  for (const id of checkIds) assert.equal(done.filter((e) => e.check_id === id).length, 1, `check ${id}: one "done" event`);
}

/** A store with the test library and a held search, for one suite. */
function heldStore(): { v: TempVerity; search: Awaited<ReturnType<typeof heldSearch>> } {
  const held = {} as { v: TempVerity; search: Awaited<ReturnType<typeof heldSearch>> };
  before(async () => {
    held.v = await tempVerity();
    await held.v.library.upsertMany(LIBRARY);
    held.search = await heldSearch();
  });
  after(async () => {
    held.search.open();
    await held.search.server.close();
    await held.v.cleanup();
  });
  return held;
}

function cliEnv(v: TempVerity, search: FixtureServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    VERITY_DATA_DIR: v.dataDir,
    VERITY_SOURCES: "library,searxng",
    SEARXNG_URL: search.url,
    VERITY_CONCURRENCY: "2",
    ...(v.config.databaseUrl ? { DATABASE_URL: v.config.databaseUrl } : {}), // the same store, on PostgreSQL too
    ...extra,
  };
}

describe("a web process that runs no checks", () => {
  let v: TempVerity;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
  });
  after(async () => v.cleanup());

  it("streams the progress of a check another worker runs, from the store", async () => {
    const app = createServer(v, { runChecks: false });
    const site = await listen(app);
    const worker = openWorker(v, { concurrency: 1, pollMs: 20 });
    try {
      const res = await app.request("/api/checks", {
        method: "POST",
        body: JSON.stringify({ input: QUESTIONS[1] }),
        headers: { "content-type": "application/json" },
      });
      assert.equal(res.status, 202);
      const { id } = await res.json();
      const events = readEvents(`${site.url}/api/checks/${id}/events`);
      await worker.start();
      const seen = await events;
      const types = seen.map((e) => e.event);
      assert.ok(types.includes("stage-started"), `stages streamed: ${types.join(", ")}`);
      assert.equal(types.at(-1), "done");
      const report = await (await app.request(`/api/checks/${id}`)).json();
      assert.equal(report.status, "done");
      assert.equal(report.version, 1);
    } finally {
      await worker.stop();
      await site.close();
      await app.close();
    }
  });
});

describe("verity serve and SIGTERM", () => {
  const held = heldStore();

  it("serves while checks are queued, hands the running ones back on SIGTERM, and finishes them after a restart", async () => {
    const { v, search } = held;
    const checkIds = await queueQuestions(v);
    const env = cliEnv(v, search.server, { VERITY_STOP_TIMEOUT: "0.2" });
    const serve = startCli(["serve", "--port", "0"], env);
    try {
      const [, url] = await serve.waitFor(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      assert.equal((await fetch(url!)).status, 200, "the home page answers while checks wait");
      // Two checks are running (held in their search); the other four wait their turn.
      await until("two checks run", async () => (await jobsOf(v)).filter((j) => j.status === "running").length === 2);
      await until("a check searches", () => search.server.requests.length > 0);

      assert.equal(await serve.stop("SIGTERM"), 0);
      const jobs = await jobsOf(v);
      assert.equal(jobs.filter((j) => j.status === "queued").length, QUESTIONS.length, "every check is back in the queue");
      assert.equal(jobs.filter((j) => j.attempts === 1).length, 2, "the two that ran were handed back");
      assert.match(serve.stderr(), /2 unfinished check\(s\) handed back/);
    } finally {
      await serve.stop("SIGKILL");
    }

    search.open();
    const again = startCli(["serve", "--port", "0"], env);
    try {
      await again.waitFor(/serving on/);
      await until("every check is done", async () => (await jobsOf(v)).every((j) => j.status === "done"));
      assert.equal(await again.stop("SIGTERM"), 0);
    } finally {
      await again.stop("SIGKILL");
    }
    await assertPublishedOnce(v, checkIds);
  });
});

describe("verity worker killed mid-check", () => {
  const held = heldStore();

  it("loses nothing: its checks are taken again once its lease runs out, and every check is published once", async () => {
    const { v, search } = held;
    const checkIds = await queueQuestions(v, { expiryMs: 5000 }); // on PostgreSQL a job carries the expiry it was queued with
    // A short lease (or expiry, under VERITY_TEST_BACKEND=postgres), so the killed worker's jobs are taken again soon.
    const env = cliEnv(v, search.server, { VERITY_JOB_LEASE: "1", VERITY_JOB_EXPIRY: "5" });
    const first = startCli(["worker"], env);
    let killed: Job[] = [];
    try {
      await first.waitFor(/worker is taking checks/);
      await until("two checks run", async () => (await jobsOf(v)).filter((j) => j.status === "running").length === 2);
      killed = (await jobsOf(v)).filter((j) => j.status === "running");
      assert.equal(await first.stop("SIGKILL"), null);
    } finally {
      await first.stop("SIGKILL");
    }

    search.open();
    const second = startCli(["worker"], env);
    try {
      await second.waitFor(/worker is taking checks/);
      await until("every check is done", async () => (await jobsOf(v)).every((j) => j.status === "done"));
      assert.equal(await second.stop("SIGTERM"), 0);
    } finally {
      await second.stop("SIGKILL");
    }
    const jobs = await jobsOf(v);
    for (const k of killed) assert.equal(jobs.find((j) => j.id === k.id)?.attempts, 2, "the killed worker's check ran again, once");
    await assertPublishedOnce(v, checkIds);
  });
});

describe("on PostgreSQL: one web process, two workers, one killed with SIGKILL mid-way", { skip: POSTGRES_SKIP }, () => {
  let v: TempVerity;
  let search: Awaited<ReturnType<typeof switchableSearch>>;
  before(async () => {
    v = await tempVerity({ backend: "postgres" });
    await v.library.upsertMany(LIBRARY);
    search = await switchableSearch();
  });
  after(async () => {
    search.release();
    await search.server.close();
    await v.cleanup();
  });

  it("publishes each of 30 checks submitted through the API exactly once, and the reader's stream follows its check to the end", async () => {
    // Expiry in seconds (the default is 15 minutes), so the killed worker's checks come back soon.
    const env = cliEnv(v, search.server, { VERITY_JOB_EXPIRY: "10", VERITY_STOP_TIMEOUT: "1", VERITY_RATE_LIMIT_SUBMISSIONS: "100,100" });
    const web = startCli(["serve", "--no-worker", "--port", "0"], env);
    const workers = [startCli(["worker"], env), startCli(["worker"], env)];
    const jobs = new JobRepository(v.store);
    try {
      const [, url] = await web.waitFor(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      const checkIds: string[] = [];
      for (let i = 0; i < 30; i++) {
        const question = `${QUESTIONS[i % QUESTIONS.length]!.replace(/\?$/, "")} (case ${i + 1})?`;
        const res = await fetch(`${url}/api/checks`, {
          method: "POST",
          body: JSON.stringify({ input: question }),
          headers: { "content-type": "application/json", origin: url! },
        });
        assert.equal(res.status, 202, await res.clone().text());
        checkIds.push((await res.json()).id);
      }
      for (const w of workers) await w.waitFor(/worker is taking checks/);
      await until("some checks are published", async () => (await jobsOf(v)).filter((j) => j.status === "done").length >= 6);

      // Mid-way: the searches are held, so each worker's two slots fill with checks that wait in their search.
      search.hold();
      await until("four checks run", async () => (await jobsOf(v)).filter((j) => j.status === "running").length === 4);
      const running = (await jobsOf(v)).filter((j) => j.status === "running");
      const owners = [...new Set(running.map((j) => j.leaseOwner))];
      assert.equal(owners.length, 2, "each worker runs two");
      const victim = running.find((j) => j.leaseOwner === owners[0])!;
      const followed = victim.checkId;
      const stream = readEvents(`${url}/api/checks/${followed}/events`);
      const killedJobs = running.filter((j) => j.leaseOwner === owners[0]).map((j) => j.id);
      const killedIndex = workerOf(owners[0]!, workers);
      assert.equal(await workers[killedIndex]!.stop("SIGKILL"), null);
      search.release();

      // A bound against hanging on a loaded machine, not a timing: one worker runs what is left.
      await until("every check is done", async () => (await jobsOf(v)).every((j) => j.status === "done"), 600_000);
      const events = await stream;
      const types = events.map((e) => e.event);
      assert.equal(types.at(-1), "done", `the stream ends with the check: ${types.join(", ")}`);
      const attempts = events.filter((e) => e.event === "started").map((e) => (e.data as { attempt?: number }).attempt);
      assert.ok(attempts.includes(2), `the stream goes on through the second attempt: ${types.join(", ")}`);
      for (const id of killedJobs) assert.equal((await jobs.get(id))?.attempts, 2, "the killed worker's checks ran again, once");
      await assertPublishedOnce(v, checkIds);
      assert.equal(await workers[1 - killedIndex]!.stop("SIGTERM"), 0);
      assert.equal(await web.stop("SIGTERM"), 0);
    } finally {
      for (const w of workers) await w.stop("SIGKILL");
      await web.stop("SIGKILL");
    }
  });
});

/** Which of the worker processes holds the jobs of `owner` (a worker's name begins with its host and pid). */
function workerOf(owner: string, workers: ReturnType<typeof startCli>[]): number {
  const pid = Number(owner.split("/")[1]);
  const index = workers.findIndex((w) => w.child.pid === pid);
  assert.ok(index >= 0, `worker ${owner} is one of the two processes`);
  return index;
}
