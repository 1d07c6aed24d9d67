// A full disk (issue 20), on a real small file system: a tmpfs the test mounts and fills. Reading
// never depends on writing; a refused write (a submission, a vote) answers 503 with the plain reason;
// checks whose outcome could not be written wait and finish once space returns, without a restart;
// `verity serve` on a full disk says so in one line naming the data directory, and exits 2.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { acceptInput } from "../../src/domain/input.js";
import { libraryOnlyConfig } from "../../src/service/config.js";
import { openVerity, type Verity } from "../../src/service/verity.js";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { JobRepository } from "../../src/store/jobs.js";
import { sqliteHandle } from "../../src/store/db.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { Browser, gatedService } from "../helpers/website.js";
import { mountSmallDisk, type SmallDisk } from "../helpers/small-disk.js";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/verity.js");
const COFFEE = "Does coffee cause cancer?";
const HELD = [
  "Can local police refuse ICE detainer requests?",
  "The Great Wall of China is visible from space with the naked eye.",
  "Is coffee good for the heart?",
];
const LIMITS = { submissions: { burst: 100, perMinute: 100 }, votes: { burst: 100, perMinute: 100 } };

const mounted = mountSmallDisk(32);
const skip = "skip" in mounted ? mounted.skip : false;

/** Polls `ready` every 50 ms until it holds; fails after `limitMs` (a deadline against hanging, not a timing assertion). */
async function until(what: string, ready: () => boolean | Promise<boolean>, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await ready())) {
    if (Date.now() > deadline) assert.fail(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a full disk", { skip }, () => {
  const disk = mounted as SmallDisk;
  const dataDir = path.join(disk.dir ?? "", "data");
  let verity: Verity;
  let app: VerityServer;
  let gate: ReturnType<typeof gatedService>;
  let jobs: JobRepository;
  let reportId = "";
  let reportUrl = "";
  const logged: string[] = [];
  const errorLog = console.error;

  before(async () => {
    verity = await openVerity(libraryOnlyConfig(dataDir));
    await verity.library.upsertMany(LIBRARY);
    const published = await verity.service.submit(acceptInput(COFFEE));
    const report = "reused" in published ? published.reused : await published.done;
    reportId = report.id;
    reportUrl = report.url;
    gate = gatedService(verity);
    jobs = new JobRepository(verity.store);
    // The queue's and the server's complaints are expected here: kept to be read, not printed.
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    app = createServer({ ...verity, service: gate.service }, { rateLimits: LIMITS });
  });
  after(async () => {
    console.error = errorLog;
    gate?.open();
    try {
      disk.free();
    } catch {
      // already freed
    }
    try {
      await app?.close({ timeoutMs: 0 });
      await verity?.close();
    } finally {
      disk.unmount(); // even when a failed test left things half closed
    }
  });

  it("reads while full, answers refused writes with 503, and finishes the waiting checks once space returns", async () => {
    // Three checks: two running (held in their search), one queued behind them.
    const api = new Browser(app);
    for (const input of HELD) {
      const res = await api.request("/api/checks", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ input }),
      });
      assert.equal(res.status, 202);
    }
    await until("two checks in their search, their stage recorded", async () => {
      const running = await jobs.running();
      return running.length === 2 && running.every((job) => job.stage === "gather");
    });
    const visitor = new Browser(app);
    await visitor.page(reportUrl); // the visitor's cookie, before the disk fills

    // The write-ahead log emptied, so that the next write needs new room; then not one byte left.
    sqliteHandle(verity.store).pragma("wal_checkpoint(TRUNCATE)");
    assert.ok(disk.fill() > 0);
    assert.equal(disk.available(), 0);

    // Reading: pages, the API, a search; the counted reads fail to be written, quietly, and reading goes on.
    for (const page of ["/", reportUrl, `/search?q=coffee`]) await visitor.page(page);
    assert.equal((await api.get(`/api/checks/${reportId}`)).status, 200);
    assert.equal(await app.services.reads.flush(), 0, "no read could be written");
    assert.ok(app.services.reads.unwritten > 0, "the reads are kept for later");
    await visitor.page(reportUrl);

    // Writing: a submission (API and form) and a vote are refused with the plain reason.
    const submitted = await api.request("/api/checks", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ input: "Is tea good for you?" }),
    });
    assert.equal(submitted.status, 503);
    assert.ok(Number(submitted.headers.get("retry-after")) > 0);
    assert.deepEqual(await submitted.json(), {
      error: { code: "disk_full", message: "the server's disk is full: nothing was saved; try again later" },
    });
    const asked = await visitor.post("/checks", { input: "Is tea good for you?" });
    assert.equal(asked.status, 503);
    assert.match(await asked.text(), /the server&#39;s disk is full|the server's disk is full/);
    const vote = await visitor.post(`/checks/${reportId}/vote`, { helpful: "yes" });
    assert.equal(vote.status, 503);
    assert.match(await vote.text(), /disk is full/);

    // An ingest from the command line stops with one line, exit 2.
    const notes = path.join(os.tmpdir(), `verity-disk-full-${process.pid}.md`);
    await writeFile(notes, "# Tea\n\nGreen tea contains caffeine and catechins, which are studied for their effects on health.\n");
    const ingest = spawnSync(process.execPath, [BIN, "ingest", notes], {
      env: { PATH: process.env.PATH, VERITY_DATA_DIR: dataDir, VERITY_SOURCES: "library" },
      encoding: "utf8",
      timeout: 60_000,
    });
    await rm(notes, { force: true });
    assert.equal(ingest.status, 2, ingest.stderr);
    assert.equal(
      ingest.stderr,
      `verity: the disk holding ${dataDir} is full: what was saved before is kept; free some space and run it again\n`,
    );

    // The held checks go on; none can record its outcome, and none is given up.
    gate.open();
    await until("the checks stopped, waiting for space", () => !app.queue.busy);
    assert.ok(
      logged.some((line) => /checks wait for space/.test(line)),
      "the queue says it waits for space",
    );
    const waiting = [...(await jobs.running()), ...(await jobs.queued(10))];
    assert.equal(waiting.length, 3, "still running or queued, not failed");

    // Space returns: no restart, no new submission, and every check is published.
    disk.free();
    await until("every check done", async () => (await jobs.counts()).done === 3);
    const counts = await jobs.counts();
    assert.equal(counts.failed, 0);
    for (const input of HELD) {
      const { existing } = await verity.service.lookup(acceptInput(input));
      assert.equal(existing?.status, "done", input);
    }
    assert.ok(logged.some((line) => /there is space again/.test(line)));
    await app.services.reads.flush(); // or the 5 s timer has already written them
    assert.equal(app.services.reads.unwritten, 0, "the kept reads are written now");
    assert.equal((await visitor.post(`/checks/${reportId}/vote`, { helpful: "yes" })).status, 303);
  });

  it("`verity serve` on a full disk says what is wrong and where, in one line, and exits 2", async () => {
    await app.close({ timeoutMs: 0 });
    await verity.close(); // a clean close: the write-ahead log and its index are removed
    verity = undefined as unknown as Verity;
    disk.fill();
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "0"], {
      env: { PATH: process.env.PATH, VERITY_DATA_DIR: dataDir, VERITY_SOURCES: "library" },
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.split("\n").filter(Boolean).length, 1, r.stderr);
    assert.ok(r.stderr.startsWith(`verity: the disk holding the data directory ${dataDir} is full (`), r.stderr);
    disk.free();
    // With room again it opens, and nothing was lost.
    verity = await openVerity(libraryOnlyConfig(dataDir));
    assert.equal((await new JobRepository(verity.store).counts()).done, 3);
  });
});
