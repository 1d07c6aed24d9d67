// Scale benchmark (issue 20, point 1; issue 19's `bench:scale`): the site while a backlog of checks
// runs, and how many checks a minute the workers get through, old and new code side by side in one run.
//
// A store holds the SciFact corpus (5,183 abstracts, nothing embedded ahead, so every check does the
// encoder's work) and one published report; each measurement starts from a copy of it with N SciFact
// claims queued, as a restart after N submissions finds it.
//   (a) `verity serve` restarted on that copy: time until the port accepts a connection and until
//       `GET /` answers; then, with 2 checks running and the rest queued, `GET /` and the report page
//       loaded with autocannon (p50, p99, errors); then SIGTERM, and the time until the process is gone.
//       The baseline commit runs its checks in the serving process; this checkout in a worker process.
//   (b) checks published per minute, counted over a window that starts at the first published check
//       (after the encoder has loaded): the baseline's in-process queue, then 1 and 2 `verity worker`
//       processes of this checkout, each 2 checks at a time (VERITY_CONCURRENCY=2).
// Both are built first (tsc, as \`npm ci\` does) and run as \`npm start\` runs them: node bin/verity.js.
// With --postgres (issue 19) it measures instead, on the same library, checks per minute and the time from
// submit to published (p50, p95) with 1, 2 and 4 `verity worker` processes on PostgreSQL (pg-boss) against
// 1 on SQLite, and writes them under the PostgreSQL heading of the results (the other sections are kept).
// Each run keeps as many checks in flight as the workers have slots (a closed loop: a check published, one
// submitted), so the time to published is a check's own, not its place in a backlog. DATABASE_URL names a
// server where it may create databases; without it, a throwaway cluster (test/helpers/postgres.ts).
// Usage: node --import tsx bench/scale.ts [--baseline 5cc96bd~1] [--queued 300] [--duration 10]
//        [--starts 3] [--window 60] [--connections 10] [--data-dir ../shared/datasets] [--out bench/results/SCALE.md]
//        node --import tsx bench/scale.ts --postgres [--window 60] [--workers 1,2,4]
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createConnection } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import pg from "pg";
import { setUpJobQueue } from "../src/jobs/boss.js";
import { createServer } from "../src/server/app.js";
import { JobRepository } from "../src/store/jobs.js";
import { freshDatabase } from "../test/helpers/postgres.js";
import { libraryOnlyConfig } from "../src/service/config.js";
import { ingest } from "../src/service/ingest.js";
import { openVerity } from "../src/service/verity.js";
import { normalizeForMatch } from "../src/domain/text.js";
import { databaseFile, openStore } from "../src/store/db.js";
import * as jobLeases from "../src/store/migrations/007-job-leases.js";
import { build, exportCommit, ROOT, shortRev } from "./baseline.js";

const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: "5cc96bd~1" },
    queued: { type: "string", default: "300" },
    duration: { type: "string", default: "10" },
    window: { type: "string", default: "60" },
    connections: { type: "string", default: "10" },
    starts: { type: "string", default: "3" },
    "data-dir": { type: "string", default: path.join(ROOT, "../shared/datasets") },
    out: { type: "string", default: "bench/results/SCALE.md" },
    postgres: { type: "boolean", default: false },
    workers: { type: "string", default: "1,2,4" },
  },
});

const QUEUED = Number(values.queued);
const DURATION = Number(values.duration);
const WINDOW = Number(values.window);
const CONNECTIONS = Number(values.connections);
const STARTS = Number(values.starts);

interface Code {
  name: string;
  root: string;
  /** The baseline's schema lacks the job leases and the event log (migration 007). */
  baseline: boolean;
}

interface Prepared {
  dir: string;
  reportPath: string;
  questions: string[];
  /** The SciFact corpus as a JSON Lines library. */
  library: string;
}

async function readJsonl<T>(file: string): Promise<T[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The SciFact corpus ingested, one report published; the first claims of the train split as the questions. */
async function prepare(work: string): Promise<Prepared> {
  const datasets = path.resolve(values["data-dir"]!);
  const corpus = await readJsonl<{ doc_id: number; title: string; abstract: string[] }>(path.join(datasets, "scifact/corpus.jsonl"));
  const file = path.join(work, "scifact.jsonl");
  await writeFile(file, corpus.map((d) => JSON.stringify({ id: `scifact-${d.doc_id}`, title: d.title, sentences: d.abstract })).join("\n"));
  // Distinct questions (the split repeats some claims): a repeat would join the first one's job.
  const byKey = new Map<string, string>();
  for (const { claim } of await readJsonl<{ claim: string }>(path.join(datasets, "scifact/claims_train.jsonl")))
    if (!byKey.has(normalizeForMatch(claim))) byKey.set(normalizeForMatch(claim), claim);
  const claims = [...byKey.values()];
  const dir = path.join(work, "prepared");
  const verity = await openVerity(libraryOnlyConfig(dir));
  try {
    await ingest(verity, [file]);
    const { report } = await verity.service.check(claims[0]!);
    return { dir, reportPath: report.url, questions: claims.slice(1, QUEUED + 1), library: file };
  } finally {
    await verity.close();
  }
}

/** A copy of the prepared store with the questions queued (oldest first), in the schema `code` expects. */
async function queuedCopy(prepared: Prepared, code: Code, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await copyFile(databaseFile(prepared.dir), databaseFile(dir));
  const sqlite = new SQLite(databaseFile(dir));
  if (code.baseline) {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    await jobLeases.down(db);
    await db.deleteFrom("kysely_migration").where("name", "=", "007-job-leases").execute();
  }
  const insert = sqlite.prepare(
    `INSERT INTO jobs (id, check_id, result_check_id, input, match_key, fresh, status, attempts, base_version, stage, events_json, error, created_at, updated_at, started_at, finished_at)
     VALUES (?, ?, NULL, ?, ?, 0, 'queued', 0, NULL, NULL, '[]', NULL, ?, ?, NULL, NULL)`,
  );
  const start = Date.now();
  sqlite.transaction(() => {
    prepared.questions.forEach((q, i) => {
      const at = new Date(start + i).toISOString();
      insert.run(randomUUID(), randomUUID(), q, normalizeForMatch(q), at, at);
    });
  })();
  sqlite.close();
  return dir;
}

/** `verity <args>` of `code`, built, as `npm start` runs it (on PostgreSQL with `databaseUrl`). */
function launch(code: Code, args: string[], dataDir: string, databaseUrl: string | null = null): ChildProcess {
  return spawn(process.execPath, ["bin/verity.js", ...args], {
    cwd: code.root,
    env: {
      ...process.env,
      VERITY_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? "",
      VERITY_SOURCES: "library",
      VERITY_CONCURRENCY: "2",
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  server.close();
  return port;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Job counts by status, read beside the running processes. */
function counts(dataDir: string): Record<string, number> {
  const sqlite = new SQLite(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    const rows = sqlite.prepare("SELECT status, count(*) AS n FROM jobs GROUP BY status").all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    sqlite.close();
  }
}

async function until(what: string, ready: () => boolean | Promise<boolean>, limitMs = 300_000): Promise<number> {
  const start = performance.now();
  while (!(await ready())) {
    if (performance.now() - start > limitMs) throw new Error(`gave up waiting until ${what}`);
    await sleep(10);
  }
  return performance.now();
}

interface Loaded {
  p50: number;
  p99: number;
  rps: number;
  /** Responses received (none: the server answered nothing in the whole run). */
  answered: number;
  errors: number;
}

async function load(url: string): Promise<Loaded> {
  const { default: autocannon } = await import("autocannon");
  const result = await autocannon({ url, duration: DURATION, connections: CONNECTIONS });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    answered: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

interface Started {
  acceptMs: number;
  firstPageMs: number;
}

/** Times from spawning `serve` on the backlog until its port accepts a connection and until `GET /` answers. */
async function started(port: number, start: number): Promise<Started> {
  const accepted = await until("the port accepts", () => connects(port));
  const answered = await until("GET / answers", async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/`)).status === 200;
    } catch {
      return false;
    }
  });
  return { acceptMs: accepted - start, firstPageMs: answered - start };
}

/** (a) start-up alone: serve started on the backlog and killed once it answers. */
async function startRun(code: Code, dataDir: string): Promise<Started> {
  const port = await freePort();
  const child = launch(code, ["serve", "--port", String(port)], dataDir);
  try {
    return await started(port, performance.now());
  } finally {
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
  }
}

interface ServeRun {
  home: Loaded;
  report: Loaded;
  running: number;
  queued: number;
  stopMs: number | null;
}

/** (a): serve restarted with the backlog, loaded while it works, then stopped. */
async function serveRun(code: Code, prepared: Prepared, dataDir: string): Promise<ServeRun> {
  const port = await freePort();
  const child = launch(code, ["serve", "--port", String(port)], dataDir);
  try {
    await started(port, performance.now());
    await until("two checks run", () => (counts(dataDir).running ?? 0) >= 2);
    const base = `http://127.0.0.1:${port}`;
    const home = await load(`${base}/`);
    const report = await load(`${base}${prepared.reportPath}`);
    const now = counts(dataDir);
    const exited = once(child, "exit");
    const stopAt = performance.now();
    child.kill("SIGTERM");
    const stopped = await Promise.race([exited.then(() => performance.now() - stopAt), sleep(60_000).then(() => null)]);
    return {
      home,
      report,
      running: now.running ?? 0,
      queued: now.queued ?? 0,
      stopMs: stopped,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

/** (b): checks published a minute by these processes, over the window after the first one is published. */
async function throughput(code: Code, args: string[][], dataDir: string): Promise<number> {
  const children = args.map((a) => launch(code, a, dataDir));
  try {
    await until("a check is published", () => (counts(dataDir).done ?? 0) > 0);
    const before = counts(dataDir).done ?? 0;
    const start = performance.now();
    await sleep(WINDOW * 1000);
    const done = (counts(dataDir).done ?? 0) - before;
    return (done * 60_000) / (performance.now() - start);
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, "exit") : null)));
  }
}

const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;
const cell = (l: Loaded) =>
  l.answered === 0
    ? `no answer in ${DURATION} s`
    : `${l.p50} / ${l.p99} ms (${Math.round(l.rps)}/s${l.errors ? `, ${l.errors} errors` : ""})`;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), "verity-bench-scale-"));
  try {
    const rev = shortRev(values.baseline!);
    const head = shortRev("HEAD");
    const old: Code = {
      name: `before (${rev}): checks in the serving process`,
      root: await exportCommit(values.baseline!, work),
      baseline: true,
    };
    const now: Code = { name: `after (${head}): checks in a worker process`, root: ROOT, baseline: false };
    console.error("building both…");
    for (const code of [old, now]) build(code.root);
    const load0 = os.loadavg()[0]!.toFixed(1);
    console.error("preparing the store (SciFact corpus, one report)…");
    const prepared = await prepare(work);

    let copies = 0;
    // Start-up, old and new alternated, each on a fresh copy of the backlog.
    const starts = new Map<Code, Started[]>([
      [old, []],
      [now, []],
    ]);
    for (let i = 0; i < STARTS; i++) {
      for (const code of [old, now]) {
        const r = await startRun(code, await queuedCopy(prepared, code, path.join(work, `copy-${copies++}`)));
        console.error(`start ${i + 1}, ${code.name}: port ${ms(r.acceptMs)}, GET / ${ms(r.firstPageMs)}`);
        starts.get(code)!.push(r);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const startCell = (rs: Started[], key: keyof Started) =>
      `${ms(median(rs.map((r) => r[key])))} (${rs.map((r) => Math.round(r[key])).join(", ")})`;

    const serveRows: string[] = [];
    for (const code of [old, now]) {
      console.error(`serve: ${code.name}`);
      const r = await serveRun(code, prepared, await queuedCopy(prepared, code, path.join(work, `copy-${copies++}`)));
      const rs = starts.get(code)!;
      const row =
        `| ${code.name} | ${startCell(rs, "acceptMs")} | ${startCell(rs, "firstPageMs")} | ${cell(r.home)} | ${cell(r.report)} | ` +
        `${r.running} / ${r.queued} | ${r.stopMs === null ? "over 60 s (killed)" : ms(r.stopMs)} |`;
      console.error(row);
      serveRows.push(row);
    }

    const rateRows: string[] = [];
    const configs: { code: Code; name: string; args: string[][] }[] = [
      { code: old, name: old.name, args: [["serve", "--port", "0"]] },
      { code: now, name: `after (${head}): 1 \`verity worker\``, args: [["worker"]] },
      { code: now, name: `after (${head}): 2 \`verity worker\` processes`, args: [["worker"], ["worker"]] },
    ];
    for (const config of configs) {
      console.error(`throughput: ${config.name}`);
      const rate = await throughput(config.code, config.args, await queuedCopy(prepared, config.code, path.join(work, `copy-${copies++}`)));
      const row = `| ${config.name} | ${rate.toFixed(1)} |`;
      console.error(row);
      rateRows.push(row);
    }

    const cpus = os.cpus();
    const machine = `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}, load average ${load0} at the start`;
    const text = `# The site under a backlog of checks, and checks per minute

\`npm run bench:scale\` (\`node --import tsx bench/scale.ts --baseline ${values.baseline} --queued ${QUEUED} --duration ${DURATION} --window ${WINDOW} --connections ${CONNECTIONS} --starts ${STARTS}\`),
${new Date().toISOString().slice(0, 10)}, ${machine}. One run, old and new code one after the other on copies of one store:
the SciFact corpus (${(5183).toLocaleString("en")} abstracts, nothing embedded ahead) with ${QUEUED} SciFact train claims queued,
as a restart after ${QUEUED} submissions finds it (SQLite, \`VERITY_CONCURRENCY=2\`, the local analyst).

## (a) Restart with ${QUEUED} checks queued, then pages while 2 run (issue 20: p99 under 100 ms, connections within 1 s)

Start-up: times from the process's spawn, the median of ${STARTS} starts (each in ms in brackets; old and new alternated,
each on a fresh copy of the backlog). Pages: p50 / p99 over ${DURATION} s at ${CONNECTIONS} connections (autocannon), with the
rate and any errors (timeouts, non-2xx). "Running / queued" when the load ended. "SIGTERM to exit": how long the process
took to go after SIGTERM.

| code | port accepts | \`GET /\` answers | \`GET /\` p50 / p99 | report page p50 / p99 | running / queued | SIGTERM to exit |
|---|---|---|---|---|---|---|
${serveRows.join("\n")}

## (b) Checks published per minute (SQLite)

Counted over ${WINDOW} s from the first published check (so the encoder's loading is not counted), each process
running 2 checks at a time.

| code | checks per minute |
|---|---|
${rateRows.join("\n")}
`;
    await writeFile(path.resolve(ROOT, values.out!), text + (await section(POSTGRES_HEADING)));
    console.error(`wrote ${values.out}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const POSTGRES_HEADING = "## (c) PostgreSQL";

/** A section of the results file as it stands (from its heading to the next one of its level), or "". */
async function section(heading: string): Promise<string> {
  const text = await readFile(path.resolve(ROOT, values.out!), "utf8").catch(() => "");
  const start = text.indexOf(`\n${heading}`);
  if (start < 0) return "";
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end < 0 ? undefined : end).trimEnd() + "\n";
}

/** The results file with `body` as the section under `heading` (the other sections kept). */
async function withSection(heading: string, body: string): Promise<string> {
  const text = await readFile(path.resolve(ROOT, values.out!), "utf8").catch(() => "");
  const old = await section(heading);
  const rest = old ? text.replace(old, "\n") : text;
  return rest.replace(/\nPostgreSQL figures \(issue 19\) will join[^\n]*\n/, "\n").trimEnd() + "\n\n" + body.trimEnd() + "\n";
}

interface Loop {
  perMinute: number;
  p50: number;
  p95: number;
  published: number;
  failed: number;
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

/**
 * `workers` worker processes, with as many checks in flight as they have slots: each check published (or
 * failed) is replaced by the next question. The window opens at the first check published (the encoder has
 * loaded); the time to published counts the checks submitted after it opened, from the job's row.
 */
async function closedLoop(code: Code, workers: number, dataDir: string, databaseUrl: string | null, questions: string[]): Promise<Loop> {
  const verity = await openVerity(libraryOnlyConfig(dataDir, { databaseUrl }));
  const site = createServer(verity, { runChecks: false });
  const jobs = new JobRepository(verity.store);
  const children = Array.from({ length: workers }, () => launch(code, ["worker"], dataDir, databaseUrl));
  const inFlight = new Map<string, number>();
  let next = 0;
  const submit = async () => {
    const question = questions[next++];
    if (!question) throw new Error("ran out of questions: raise --queued or shorten --window");
    const queued = await site.queue.enqueue(question);
    if (queued.kind === "job") inFlight.set(queued.jobId, performance.now());
  };
  try {
    for (let i = 0; i < workers * 2; i++) await submit();
    let opened: number | null = null;
    const latencies: number[] = [];
    let published = 0;
    let failed = 0;
    const warmupEnds = performance.now() + 300_000;
    while (opened === null || performance.now() - opened < WINDOW * 1000) {
      if (opened === null && performance.now() > warmupEnds) throw new Error("no check was published in 5 minutes");
      for (const [id, submittedAt] of [...inFlight]) {
        const job = await jobs.get(id);
        if (!job || (job.status !== "done" && job.status !== "failed")) continue;
        inFlight.delete(id);
        if (opened === null && job.status === "done") opened = performance.now();
        else if (opened !== null) {
          if (job.status === "failed") failed++;
          else published++;
          if (job.status === "done" && submittedAt >= opened) latencies.push(Date.parse(job.finishedAt!) - Date.parse(job.createdAt));
        }
        await submit();
      }
      await sleep(100);
    }
    const elapsed = performance.now() - opened;
    return {
      perMinute: (published * 60_000) / elapsed,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      published,
      failed,
    };
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, "exit") : null)));
    await site.close({ timeoutMs: 0 });
    await verity.close();
  }
}

/** A PostgreSQL server's URL with another database. */
function onDatabase(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(server: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: onDatabase(server, "postgres") });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** (c): PostgreSQL with 1, 2 and 4 workers against SQLite with 1, on the same library (this checkout, built). */
async function postgresMain(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), "verity-bench-scale-pg-"));
  const server = process.env.DATABASE_URL?.trim() || (await freshDatabase());
  const created: string[] = [];
  try {
    const head = shortRev("HEAD");
    const code: Code = { name: head, root: ROOT, baseline: false };
    console.error("building…");
    build(ROOT);
    const loadStart = os.loadavg()[0]!.toFixed(1);
    console.error("preparing the SQLite store (SciFact corpus, one report)…");
    const prepared = await prepare(work);
    console.error("preparing the PostgreSQL database (the same corpus)…");
    const template = `verity_bench_scale_${Date.now()}`;
    await adminQuery(server, `CREATE DATABASE ${template}`);
    created.push(template);
    const templateUrl = onDatabase(server, template);
    const store = await openStore({ dataDir: "", databaseUrl: templateUrl, migrations: "apply" });
    if (store.kind === "postgres") await setUpJobQueue(store);
    await store.close();
    const pgVerity = await openVerity(libraryOnlyConfig(path.join(work, "pg-cache"), { databaseUrl: templateUrl }));
    try {
      await ingest(pgVerity, [prepared.library]);
    } finally {
      await pgVerity.close();
    }

    const rows: string[] = [];
    const row = (database: string, workers: number, r: Loop) =>
      `| ${database} | ${workers} | ${r.perMinute.toFixed(1)} | ${ms(r.p50)} / ${ms(r.p95)} | ${r.published}${r.failed ? ` (${r.failed} failed)` : ""} | ${os.loadavg()[0]!.toFixed(1)} |`;
    let copies = 0;
    {
      console.error("SQLite, 1 worker…");
      const dir = path.join(work, `copy-${copies++}`);
      await mkdir(dir, { recursive: true });
      await copyFile(databaseFile(prepared.dir), databaseFile(dir));
      rows.push(row("SQLite", 1, await closedLoop(code, 1, dir, null, prepared.questions)));
      console.error(rows.at(-1));
    }
    for (const workers of values.workers!.split(",").map(Number)) {
      console.error(`PostgreSQL, ${workers} worker(s)…`);
      const copy = `${template}_${copies++}`;
      await adminQuery(server, `CREATE DATABASE ${copy} TEMPLATE ${template}`);
      created.push(copy);
      const dir = path.join(work, `copy-${copies}`);
      rows.push(row("PostgreSQL", workers, await closedLoop(code, workers, dir, onDatabase(server, copy), prepared.questions)));
      console.error(rows.at(-1));
    }

    const cpus = os.cpus();
    const machine = `${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`;
    const body = `${POSTGRES_HEADING}: checks per minute and time from submit to published (issue 19)

\`node --import tsx bench/scale.ts --postgres --window ${WINDOW} --workers ${values.workers}\` at ${head}, ${new Date().toISOString().slice(0, 10)},
${machine}, load average ${loadStart} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end. The same library on both
databases (the SciFact corpus, ${(5183).toLocaleString("en")} abstracts, nothing embedded ahead; the local analyst), one run, the
rows one after the other. Each \`verity worker\` runs 2 checks at a time; as many SciFact train claims are in flight as
the workers have slots (one published, the next submitted, through the queue as the website submits), so the
time to published is a check's own (pickup included), not its place in a backlog. Counted over ${WINDOW} s from the first
published check (the encoder's loading is not counted); the times, of the checks submitted in that window, from
each job's row (created → finished).

| database | workers | checks per minute | submit → published p50 / p95 | published in the window | load average after |
|---|---|---|---|---|---|
${rows.join("\n")}
`;
    await writeFile(path.resolve(ROOT, values.out!), await withSection(POSTGRES_HEADING, body));
    console.error(`wrote ${values.out}`);
  } finally {
    for (const database of created.reverse()) await adminQuery(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

if (values.postgres) await postgresMain();
else await main();
process.exit(0);
