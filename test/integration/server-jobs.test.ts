// Durable jobs: a check left running by a stopped server is run again once and
// published once; one published before the stop is not run again; the same question
// joins the running check; a failed check says why and offers a retry.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Verity } from "../../src/service/verity.js";
import { normalizeForMatch } from "../../src/domain/text.js";
import type { CheckService } from "../../src/service/check-service.js";
import type { Submission } from "../../src/domain/input.js";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { JobRepository } from "../../src/store/jobs.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";
import { Browser, failingService, gatedService } from "../helpers/website.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

const ICE = "Can local police refuse ICE detainer requests?";
const WALL = "The Great Wall of China is visible from space with the naked eye.";
const COFFEE = "Does coffee cause cancer?";

/** The verity's service, counting the checks it is asked to run. */
function counting(v: Verity): { verity: Verity; calls: () => number } {
  let calls = 0;
  const service = {
    lookup: v.service.lookup.bind(v.service),
    submit: (submission: Submission, options?: Parameters<CheckService["submit"]>[1]) => {
      calls++;
      return v.service.submit(submission, options);
    },
  } as unknown as CheckService;
  return { verity: { ...v, service }, calls: () => calls };
}

async function versionCount(v: Verity, checkId: string): Promise<number> {
  return (await v.checks.versions(checkId)).length;
}

// Rows as a stopped SQLite server leaves them; on PostgreSQL a job is also pg-boss's, and what a killed or
// stopped worker leaves there is in test/contracts/queue.contract.test.ts.
describe(
  "jobs survive a restart",
  { skip: process.env.VERITY_TEST_BACKEND === "postgres" && "the rows are SQLite's jobs table alone" },
  () => {
    let v: TempVerity;
    let jobs: JobRepository;
    before(async () => {
      v = await tempVerity();
      await v.library.upsertMany(LIBRARY);
      jobs = new JobRepository(v.store);
    });
    after(async () => v.cleanup());

    /** A job as a stopped server leaves it: claimed (running), attempt 1. */
    async function interruptedJob(input: string): Promise<{ jobId: string; checkId: string }> {
      const jobId = randomUUID();
      const checkId = randomUUID();
      const now = new Date().toISOString();
      assert.ok(await jobs.insert({ id: jobId, checkId, input, matchKey: normalizeForMatch(input), fresh: false, now }));
      assert.ok(await jobs.claim(jobId, 0, now));
      return { jobId, checkId };
    }

    it("re-runs a job left running (its half-made check included) and publishes it once", async () => {
      const { jobId, checkId } = await interruptedJob(ICE);
      // The stopped run had created the check's row and not published it.
      await v.checks.startNew({ id: checkId, matchKey: normalizeForMatch(ICE), inputText: ICE, now: new Date().toISOString() });

      const { verity, calls } = counting(v);
      const app = createServer(verity);
      await app.queue.whenIdle();
      await app.close();

      assert.equal(calls(), 1, "run again exactly once");
      const job = await jobs.get(jobId);
      assert.equal(job?.status, "done");
      assert.equal(job?.attempts, 2);
      assert.equal(await versionCount(v, checkId), 1, "published once");
      const report = await v.checks.get(checkId);
      assert.equal(report?.version, 1);
      assert.equal(report?.status, "done");

      // Another start finds nothing to do.
      const again = counting(v);
      const app2 = createServer(again.verity);
      await app2.queue.whenIdle();
      await app2.close();
      assert.equal(again.calls(), 0);
      assert.equal(await versionCount(v, checkId), 1);
    });

    it("does not run again a job whose report was published before the stop", async () => {
      const { jobId, checkId } = await interruptedJob(WALL);
      // The stopped run got as far as publishing, not as far as marking its job done.
      await v.service.check(WALL, { id: checkId });
      assert.equal(await versionCount(v, checkId), 1);

      const { verity, calls } = counting(v);
      const app = createServer(verity);
      await app.queue.whenIdle();
      await app.close();
      assert.equal(calls(), 0, "not run again");
      assert.equal((await jobs.get(jobId))?.status, "done");
      assert.equal(await versionCount(v, checkId), 1, "still one version");
    });

    it("gives up a job that keeps being interrupted", async () => {
      const { jobId } = await interruptedJob(COFFEE);
      await jobs.requeue(jobId, new Date().toISOString());
      await jobs.claim(jobId, 0, new Date().toISOString());
      await jobs.requeue(jobId, new Date().toISOString());
      await jobs.claim(jobId, 0, new Date().toISOString()); // attempt 3, left running again
      const { verity, calls } = counting(v);
      const app = createServer(verity);
      await app.queue.whenIdle();
      await app.close();
      assert.equal(calls(), 0);
      const job = await jobs.get(jobId);
      assert.equal(job?.status, "failed");
      assert.match(job?.error ?? "", /interrupted 3 times/);
    });
  },
);

/** A server over the test library running one check at a time, each held in its gather stage until the gate opens. */
function gatedServer(): { v: TempVerity; app: VerityServer; gate: ReturnType<typeof gatedService> } {
  const held = {} as { v: TempVerity; app: VerityServer; gate: ReturnType<typeof gatedService> };
  before(async () => {
    held.v = await tempVerity();
    await held.v.library.upsertMany(LIBRARY);
    held.gate = gatedService(held.v);
    held.app = createServer({ ...held.v, service: held.gate.service }, { concurrency: 1 });
  });
  after(async () => {
    held.gate.open();
    await held.app.close();
    await held.v.cleanup();
  });
  return held;
}

describe("the same question joins the running check", () => {
  const held = gatedServer();

  const post = (input: string) =>
    held.app.request("/api/checks", { method: "POST", body: JSON.stringify({ input }), headers: { "content-type": "application/json" } });

  it("answers every submission of the running question with its id, runs it once and publishes once", async () => {
    const first = await post(ICE);
    assert.equal(first.status, 202);
    const a = await first.json();
    assert.equal(a.joined, false);
    await held.gate.started;

    const second = await post("can local police refuse ICE detainer requests");
    assert.equal(second.status, 202);
    const b = await second.json();
    assert.equal(b.id, a.id);
    assert.equal(b.joined, true);
    assert.equal(b.status, "running");

    const browser = new Browser(held.app);
    await browser.page("/");
    const form = await browser.post("/checks", { input: "CAN LOCAL POLICE REFUSE ICE DETAINER REQUESTS" });
    assert.equal(form.status, 303);
    assert.equal(form.headers.get("location"), `/progress/${a.id}`);

    // Another question queues behind it (one check at a time here).
    const other = await post(WALL);
    const o = await other.json();
    assert.notEqual(o.id, a.id);
    assert.equal(o.status, "queued");

    held.gate.open();
    await held.app.queue.whenIdle();
    assert.equal(await versionCount(held.v, a.id), 1);
    const rows = await held.v.store.db.selectFrom("jobs").select(["check_id", "status"]).execute();
    assert.equal(rows.filter((r) => r.check_id === a.id).length, 1, "one job for the question");
    assert.ok(rows.every((r) => r.status === "done"));
    assert.equal((await held.v.checks.get(o.id))?.status, "done");
  });
});

describe("a running check's progress page speaks the question's language", () => {
  const held = gatedServer();

  it("is Spanish once intake has read a Spanish question: heading, stages, status and hint", async () => {
    const browser = new Browser(held.app);
    await browser.page("/");
    const res = await browser.post("/checks", { input: "¿El café causa cáncer de páncreas?" });
    const progressPath = res.headers.get("location")!;
    await held.gate.started; // held in gather: intake has run
    let doc = (await browser.page(progressPath)).doc;
    // The worker's events reach the page through the store: wait for intake's (no timing is asserted).
    for (let i = 0; i < 200 && doc.querySelector("[data-testid=progress]")?.getAttribute("lang") !== "es"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      doc = (await browser.page(progressPath)).doc;
    }
    const section = doc.querySelector("[data-testid=progress]")!;
    assert.equal(section.getAttribute("lang"), "es");
    assert.match(doc.querySelector("h1")?.textContent ?? "", /^Verificando: ¿El café causa cáncer de páncreas\?$/);
    const intake = doc.querySelector("[data-testid=stage-intake]")!;
    assert.equal(intake.querySelector(".name")?.textContent, "Lectura de la pregunta");
    assert.equal(intake.querySelector(".state")?.textContent, "hecho");
    assert.equal(intake.querySelector(".detail")?.textContent, "", "the pipeline's English notes are left out");
    assert.equal(doc.querySelector("[data-testid=stage-write] .state")?.textContent, "en espera");
    assert.match(doc.querySelector("[data-testid=progress-status]")?.textContent ?? "", /^En curso: Búsqueda de fuentes…$/);
    assert.match(doc.querySelector(".hint")?.textContent ?? "", /^Una verificación tarda .* recárguela si no lo hace\.$/);
    // The script's words for what comes next are the page's too.
    assert.equal(section.getAttribute("data-say-sources"), "Fuentes encontradas: {count}");
    held.gate.open();
    await held.app.queue.whenIdle();
  });
});

describe("a failed check", () => {
  let v: TempVerity;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    app = createServer({ ...v, service: failingService(v) });
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  it("says why on the progress page, in the API and in the events, and offers a retry", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const res = await browser.post("/checks", { input: COFFEE });
    assert.equal(res.status, 303);
    const progressPath = res.headers.get("location")!;
    const id = progressPath.split("/").at(-1)!;
    await app.queue.whenIdle();

    const { doc } = await browser.page(progressPath);
    assert.equal(doc.querySelector("[data-testid=progress]")?.getAttribute("data-status"), "failed");
    assert.match(doc.querySelector("[data-testid=progress-error]")?.textContent ?? "", /the library is unreachable/);
    const retry = doc.querySelector("form[data-testid=retry-form]");
    assert.equal(retry?.getAttribute("action"), "/checks");
    assert.equal((retry?.querySelector("input[name=input]") as HTMLInputElement | null)?.value, COFFEE);
    assert.ok(doc.querySelector("[data-testid=retry-button]"));
    assert.equal(doc.querySelector("[data-testid=paste-form]"), null, "a question has no page to paste");
    assert.equal(doc.querySelector('meta[http-equiv="refresh"]'), null, "a failed check does not refresh");

    const state = await (await app.request(`/api/checks/${id}`)).json();
    assert.equal(state.status, "failed");
    assert.match(state.error, /unreachable/);

    // A link that could not be read offers to check the article's pasted text instead.
    const link = await browser.post("/checks", { input: "https://news.example.org/coffee-story" });
    await app.queue.whenIdle();
    const linkPage = await browser.page(link.headers.get("location")!);
    const paste = linkPage.doc.querySelector("form[data-testid=paste-form]");
    assert.equal(paste?.getAttribute("action"), "/checks");
    assert.equal(paste?.querySelector("textarea[name=input]")?.getAttribute("maxlength"), "5000");
    assert.match(paste?.textContent ?? "", /paste the article's text instead/);

    // It has ended: its events answer 204, so an EventSource stops instead of reconnecting.
    assert.equal((await app.request(`/api/checks/${id}/events`)).status, 204);

    // Retrying queues the question again.
    const again = await browser.post("/checks", { input: COFFEE });
    assert.equal(again.status, 303);
    assert.match(again.headers.get("location") ?? "", /^\/progress\//);
    await app.queue.whenIdle();
  });
});
