// `verity serve` killed with SIGKILL has no chance to stop its worker process: the worker notices
// that its parent is gone (src/cli/worker-entry.ts), hands its running check back to the queue and
// exits, instead of running on as an orphan. Linux only (it finds the worker through /proc).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createServer } from "../../src/server/app.js";
import { JobRepository } from "../../src/store/jobs.js";
import { startFixtureServer, type FixtureServer } from "../fixtures/servers/fixture-server.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { startCli } from "../helpers/cli-process.js";
import { tempVerity } from "../helpers/verity.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

/** A process as /proc tells it: its parent, its start time (with the pid, its identity) and whether it has ended. */
function processInfo(pid: number): { parent: number; started: string; ended: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After "pid (name) ": state, parent, …, the start time is the 20th field.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { parent: Number(fields[1]), started: fields[19]!, ended: fields[0] === "Z" || fields[0] === "X" };
  } catch {
    return null; // gone (and reaped)
  }
}

/** The running processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): { pid: number; started: string; command: string }[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .flatMap((child) => {
      const info = processInfo(child);
      if (!info || info.parent !== pid || info.ended) return [];
      const command = readFileSync(`/proc/${child}/cmdline`, "utf8").replace(/\0/g, " ");
      return [{ pid: child, started: info.started, command }];
    });
}

/** Whether that process (the same pid and start time) still runs. */
function running(p: { pid: number; started: string }): boolean {
  const info = processInfo(p.pid);
  return info !== null && info.started === p.started && !info.ended;
}

/** Waits (bounded, generously) until `ready` holds. */
async function until(what: string, ready: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await ready()) return;
    await sleep(50);
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe("verity serve killed with SIGKILL", { skip: existsSync("/proc/self/stat") ? false : "needs Linux's /proc" }, () => {
  let v: TempVerity;
  let search: FixtureServer;
  let release!: () => void;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    // A SearXNG stand-in that holds every search, so the worker is caught in the middle of a check.
    const held = new Promise<void>((resolve) => (release = resolve));
    search = await startFixtureServer(async () => {
      await held;
      return { body: { query: "", number_of_results: 0, results: [], answers: [], infoboxes: [], suggestions: [] } };
    });
  });
  after(async () => {
    release();
    await search.close();
    await v.cleanup();
  });

  it("leaves no worker process running: the worker hands its check back and exits", async () => {
    const app = createServer(v, { runChecks: false });
    const queued = await app.queue.enqueue("Does coffee cause cancer?");
    await app.close();
    assert.equal(queued.kind, "job");
    const jobs = new JobRepository(v.store);
    const job = async () => (queued.kind === "job" ? jobs.get(queued.jobId) : null);

    const serve = startCli(["serve", "--port", "0"], {
      VERITY_DATA_DIR: v.dataDir,
      VERITY_SOURCES: "library,searxng",
      SEARXNG_URL: search.url,
      VERITY_STOP_TIMEOUT: "0.2",
      ...(v.config.databaseUrl ? { DATABASE_URL: v.config.databaseUrl } : {}),
    });
    let workers: { pid: number; started: string }[] = [];
    try {
      await serve.waitFor(/serving on/);
      await serve.waitFor(/worker is taking checks/);
      await until("the check searches", () => search.requests.length > 0);
      assert.equal((await job())?.status, "running");
      const children = childrenOf(serve.child.pid!);
      workers = children.filter((c) => c.command.includes("worker-entry"));
      assert.equal(workers.length, 1, `one worker process among serve's children: ${JSON.stringify(children)}`);

      assert.equal(await serve.stop("SIGKILL"), null);
      await until("the worker process has exited", () => !running(workers[0]!));
      const after = await job();
      assert.equal(after?.status, "queued", `the check it was running is back in the queue: ${JSON.stringify(after)}; ${serve.stderr()}`);
    } finally {
      await serve.stop("SIGKILL");
      for (const worker of workers) if (running(worker)) process.kill(worker.pid, "SIGKILL");
    }
  });
});
