// The PostgreSQL dispatch: pg-boss 10 (its own schema, `pgboss`, set up by `verity migrate`). Each job
// of the jobs table has a pg-boss job of the same id in the queue "verity-checks", written in the same
// transaction (both or neither). pg-boss hands each job to one worker (SELECT … FOR UPDATE SKIP LOCKED),
// tries a failed run again after a backoff (retryDelay doubled each time, with jitter), and, in its
// maintenance, fails the job of a run that took longer than the expiry (its worker was killed), which puts
// it back for another worker. The queue's policy is "singleton" with the question as the singleton key: no
// two runs of one question are active at once. Joining the running check of a question stays the one rule
// of the queue (src/jobs/queue.ts): pg-boss 10 has no policy for "one queued or active job per key".
//
// What a worker takes from pg-boss it claims in the jobs table (the same claim as SQLite's, counting the
// attempt and recording the published version); how a run ended is recorded in the jobs table and in
// pg-boss in one transaction. A delivery whose job is already finished (one that outran its expiry, say,
// and finished meanwhile) is completed unrun.
import { createRequire } from "node:module";
import type PgBossType from "pg-boss";
import { ConfigError, errorMessage } from "../domain/errors.js";
import { CheckRepository } from "../store/checks.js";
import { redacted, type PostgresStore } from "../store/db.js";
import { JobRepository, type Job, type NewJob } from "../store/jobs.js";
import { sqlExecutor } from "../store/postgres/raw-sql.js";
import type { DispatchSettings, JobDispatch, RunOutcome } from "./dispatch.js";

/** pg-boss's queue of checks. */
export const CHECK_QUEUE = "verity-checks";
/** pg-boss's schema in the database. */
const SCHEMA = "pgboss";

type PgBoss = PgBossType;

async function loadPgBoss(): Promise<typeof PgBossType> {
  return (await import("pg-boss")).default;
}

/** The schema version this pg-boss expects. */
function expectedSchemaVersion(): number {
  return (createRequire(import.meta.url)("pg-boss/version.json") as { schema: number }).schema;
}

/** pg-boss's expiry is under 24 hours. */
const MAX_EXPIRY_SECONDS = 24 * 3600 - 1;

/** Thrown inside a transaction to roll it back: another active job holds the question. */
class QuestionHeld extends Error {}

export class BossDispatch implements JobDispatch {
  readonly maxAttempts: number;
  /** pg-boss watches expiry itself: tending only trims the event log. */
  readonly tendMs = 60_000;
  private readonly jobs: JobRepository;
  private readonly checks: CheckRepository;
  private boss: Promise<PgBoss> | null = null;
  private stopped = false;

  constructor(
    private readonly store: PostgresStore,
    private readonly settings: DispatchSettings,
  ) {
    this.jobs = new JobRepository(store);
    this.checks = new CheckRepository(store);
    this.maxAttempts = settings.maxAttempts;
  }

  async start(): Promise<void> {
    await this.open();
  }

  async send(job: NewJob): Promise<boolean> {
    const boss = await this.open();
    const { settings } = this;
    try {
      return await this.store.db.transaction().execute(async (trx) => {
        if (!(await this.jobs.insert(job, trx))) throw new QuestionHeld();
        const retryDelay = Math.round(settings.retryDelayMs / 1000);
        const id = await boss.send(
          CHECK_QUEUE,
          { checkId: job.checkId },
          {
            id: job.id,
            singletonKey: job.matchKey,
            // One more delivery than runs: the last one records that the job was given up.
            retryLimit: settings.maxAttempts,
            retryDelay,
            retryBackoff: retryDelay > 0,
            expireInSeconds: this.expirySeconds,
            db: sqlExecutor(trx),
          },
        );
        if (id === null) throw new QuestionHeld();
        return true;
      });
    } catch (error) {
      if (error instanceof QuestionHeld) return false;
      throw error;
    }
  }

  async take(owner: string, limit: number): Promise<Job[]> {
    if (this.stopped) return [];
    const boss = await this.open();
    const delivered = await boss.fetch<{ checkId: string }>(CHECK_QUEUE, { batchSize: limit });
    const taken: Job[] = [];
    for (const { id } of delivered) {
      const job = await this.jobs.get(id);
      if (!job || job.status === "done" || job.status === "failed") {
        await boss.complete(CHECK_QUEUE, id, { unrun: "its job was already finished" });
        continue;
      }
      // This worker's own run outlasted the expiry and goes on: it will record the outcome.
      if (job.status === "running" && job.leaseOwner === owner) continue;
      const row = await this.checks.row(job.checkId);
      const until = new Date(this.settings.now().getTime() + this.expirySeconds * 1000).toISOString();
      // Running too: pg-boss hands out again the job of a worker that went away.
      await this.jobs.claim(job.id, row?.version ?? 0, this.iso(), { owner, until }, ["queued", "running"]);
      const claimed = await this.jobs.get(job.id);
      if (claimed) taken.push(claimed);
    }
    return taken;
  }

  async tend(): Promise<Job[]> {
    return [];
  }

  async finish(owner: string, job: Job, outcome: RunOutcome): Promise<boolean> {
    const boss = await this.open();
    const now = this.iso();
    return this.store.db.transaction().execute(async (trx) => {
      const db = sqlExecutor(trx);
      if (outcome.status === "retry") {
        if (!(await this.jobs.requeue(job.id, now, { owner }, trx))) return false;
        await boss.fail(CHECK_QUEUE, job.id, { error: outcome.error }, { db });
        return true;
      }
      if (!(await this.jobs.finish(job.id, outcome, now, owner, trx))) return false;
      // A check that failed for good is a job done with: pg-boss must not deliver it again.
      await boss.complete(CHECK_QUEUE, job.id, outcome.status === "failed" ? { failed: outcome.error } : { done: true }, { db });
      return true;
    });
  }

  async handBack(owner: string, job: Job): Promise<boolean> {
    const boss = await this.open();
    return this.store.db.transaction().execute(async (trx) => {
      if (!(await this.jobs.requeue(job.id, this.iso(), { owner }, trx))) return false;
      // A failure to pg-boss: delivered again after the retry delay, to whichever worker asks first.
      await boss.fail(CHECK_QUEUE, job.id, { handedBack: true }, { db: sqlExecutor(trx) });
      return true;
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const boss = await this.boss?.catch(() => null);
    await boss?.stop({ graceful: false, wait: true, close: true });
  }

  /** pg-boss, connected and checked (once). */
  private open(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const PgBoss = await loadPgBoss();
      await refuseUnready(PgBoss, this.store);
      const boss = new PgBoss({
        connectionString: this.store.url,
        schema: SCHEMA,
        application_name: "verity",
        max: this.settings.connections,
        // `verity migrate` sets pg-boss up; a web or worker process only checks that it was.
        migrate: false,
        schedule: false,
        // Every process runs pg-boss's maintenance (one at a time), which fails the jobs that outran their
        // expiry: often enough for the expiry to mean what it says.
        supervise: true,
        maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(this.expirySeconds / 2))),
      });
      boss.on("error", (error) => console.error("verity jobs (pg-boss):", errorMessage(error)));
      await boss.start();
      return boss;
    })();
    return this.boss;
  }

  private get expirySeconds(): number {
    return Math.min(MAX_EXPIRY_SECONDS, Math.max(1, Math.round(this.settings.expiryMs / 1000)));
  }

  private iso(): string {
    return this.settings.now().toISOString();
  }
}

/**
 * A database where pg-boss is missing, older than this pg-boss, or lacks the queue: one line naming
 * `verity migrate`. Asked through the store's connections, before pg-boss opens its own.
 */
async function refuseUnready(PgBoss: typeof PgBossType, store: PostgresStore): Promise<void> {
  const probe = new PgBoss({ db: sqlExecutor(store.db), schema: SCHEMA, migrate: false, supervise: false, schedule: false });
  const why = await (async () => {
    if (!(await probe.isInstalled())) return "is not set up";
    if (Number(await probe.schemaVersion()) < expectedSchemaVersion()) return "is out of date";
    if (!(await probe.getQueue(CHECK_QUEUE))) return `has no "${CHECK_QUEUE}" queue`;
    return null;
  })();
  if (why) throw new ConfigError(`the job queue (pg-boss) in ${redacted(store.url)} ${why}: run \`verity migrate\` first`);
}

/**
 * Sets pg-boss up in the database (`verity migrate`): its schema, brought up to this version, and the
 * queue of checks. Returns what it did, for the migration summary (nothing when all was in place).
 */
export async function setUpJobQueue(store: PostgresStore): Promise<string[]> {
  const PgBoss = await loadPgBoss();
  const probe = new PgBoss({ db: sqlExecutor(store.db), schema: SCHEMA, migrate: false, supervise: false, schedule: false });
  const before = (await probe.isInstalled()) ? Number(await probe.schemaVersion()) : null;
  const boss = new PgBoss({
    connectionString: store.url,
    schema: SCHEMA,
    application_name: "verity",
    max: 2,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => {});
  const done: string[] = [];
  try {
    await boss.start(); // creates or migrates pg-boss's schema (under its advisory lock)
    const after = Number(await boss.schemaVersion());
    if (before !== after) done.push(`pg-boss schema ${after}`);
    if (!(await boss.getQueue(CHECK_QUEUE))) {
      await boss.createQueue(CHECK_QUEUE, { name: CHECK_QUEUE, policy: "singleton" });
      done.push(`pg-boss queue ${CHECK_QUEUE}`);
    }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  return done;
}
