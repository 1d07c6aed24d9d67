// Durable check jobs: what the site and the API asked to check, and how far each run got.
import type { Kysely, Selectable } from "kysely";
import type { Store } from "./db.js";
import { isUniqueViolation } from "./dialect.js";
import type { Database, JobsTable } from "./schema.js";

export type JobStatus = "queued" | "running" | "done" | "failed";
const ACTIVE_JOB_STATUSES: JobStatus[] = ["queued", "running"];

/** A worker's hold on a running job. */
export interface Lease {
  owner: string;
  until: string;
}

export interface StoredProgressEvent {
  type: string;
  [key: string]: unknown;
}

/** A job as submitted. */
export interface NewJob {
  id: string;
  checkId: string;
  input: string;
  matchKey: string;
  fresh: boolean;
  now: string;
}

export interface Job {
  id: string;
  checkId: string;
  resultCheckId: string | null;
  input: string;
  matchKey: string;
  fresh: boolean;
  status: JobStatus;
  attempts: number;
  baseVersion: number | null;
  stage: string | null;
  events: StoredProgressEvent[];
  error: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  leaseOwner: string | null;
}

function toJob(row: Selectable<JobsTable>): Job {
  let events: StoredProgressEvent[] = [];
  try {
    const parsed = JSON.parse(row.events_json);
    if (Array.isArray(parsed)) events = parsed;
  } catch {
    // a damaged progress log only loses the stage list
  }
  return {
    id: row.id,
    checkId: row.check_id,
    resultCheckId: row.result_check_id,
    input: row.input,
    matchKey: row.match_key,
    fresh: row.fresh === 1,
    status: row.status as JobStatus,
    attempts: row.attempts,
    baseVersion: row.base_version,
    stage: row.stage,
    events,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    leaseOwner: row.lease_owner,
  };
}

export class JobRepository {
  constructor(private readonly store: Store) {}

  /**
   * Inserts a queued job; false when another active job already holds the same question. `db`: a
   * transaction the job is queued in (PostgreSQL: with its pg-boss job).
   */
  async insert(job: NewJob, db: Kysely<Database> = this.store.db): Promise<boolean> {
    try {
      await db
        .insertInto("jobs")
        .values({
          id: job.id,
          check_id: job.checkId,
          result_check_id: null,
          input: job.input,
          match_key: job.matchKey,
          fresh: job.fresh ? 1 : 0,
          status: "queued",
          attempts: 0,
          base_version: null,
          stage: null,
          events_json: "[]",
          error: null,
          created_at: job.now,
          updated_at: job.now,
          started_at: null,
          finished_at: null,
          lease_owner: null,
          lease_expires_at: null,
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error, "jobs", "match_key")) return false;
      throw error;
    }
  }

  async get(id: string): Promise<Job | null> {
    const row = await this.store.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** The queued or running job for a question, if any. */
  async findActiveByMatchKey(matchKey: string): Promise<Job | null> {
    const row = await this.store.db
      .selectFrom("jobs")
      .selectAll()
      .where("match_key", "=", matchKey)
      .where("status", "in", ACTIVE_JOB_STATUSES)
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** The newest job of a check. */
  async latestForCheck(checkId: string): Promise<Job | null> {
    const row = await this.store.db
      .selectFrom("jobs")
      .selectAll()
      .where("check_id", "=", checkId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    return row ? toJob(row) : null;
  }

  /** The newest job for each of these checks. */
  async latestForChecks(checkIds: string[]): Promise<Map<string, Job>> {
    const out = new Map<string, Job>();
    if (checkIds.length === 0) return out;
    const rows = await this.store.db
      .selectFrom("jobs")
      .selectAll()
      .where("check_id", "in", checkIds)
      .orderBy("created_at", "asc")
      .execute();
    for (const row of rows) out.set(row.check_id, toJob(row));
    return out;
  }

  /** Queued jobs, oldest first. */
  async queued(limit: number): Promise<Job[]> {
    const rows = await this.store.db
      .selectFrom("jobs")
      .selectAll()
      .where("status", "=", "queued")
      .orderBy("created_at", "asc")
      .orderBy("id", "asc")
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  async running(): Promise<Job[]> {
    const rows = await this.store.db.selectFrom("jobs").selectAll().where("status", "=", "running").execute();
    return rows.map(toJob);
  }

  /**
   * Takes a queued job for running (atomically: false when someone else took it), leased to a worker
   * until `lease.until`. The first claim records the check's published version, so a later run can
   * tell it was published. `from`: the states it may be taken from (pg-boss hands out again a job
   * left running by a worker that went away).
   */
  async claim(id: string, currentVersion: number, now: string, lease?: Lease, from: readonly JobStatus[] = ["queued"]): Promise<boolean> {
    const result = await this.store.db
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        attempts: eb("attempts", "+", 1),
        base_version: eb.fn.coalesce("base_version", eb.val(currentVersion)),
        started_at: now,
        updated_at: now,
        lease_owner: lease?.owner ?? null,
        lease_expires_at: lease?.until ?? null,
      }))
      .where("id", "=", id)
      .where("status", "in", from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** A worker still at work extends the leases of the jobs it runs. */
  async renew(owner: string, ids: string[], until: string): Promise<void> {
    if (ids.length === 0) return;
    await this.store.db
      .updateTable("jobs")
      .set({ lease_expires_at: until })
      .where("id", "in", ids)
      .where("lease_owner", "=", owner)
      .where("status", "=", "running")
      .execute();
  }

  /** Running jobs whose worker stopped renewing its lease (or that were claimed without one). */
  async expired(now: string): Promise<Job[]> {
    const rows = await this.store.db
      .selectFrom("jobs")
      .selectAll()
      .where("status", "=", "running")
      .where((eb) => eb.or([eb("lease_expires_at", "is", null), eb("lease_expires_at", "<", now)]))
      .execute();
    return rows.map(toJob);
  }

  /**
   * Puts a running job back in the queue: one whose lease ran out (`expiredBy`: only if it still has,
   * so a renewed lease wins), one a worker hands back (`owner`), or any (a test's stopped server).
   */
  async requeue(
    id: string,
    now: string,
    only: { expiredBy?: string; owner?: string } = {},
    db: Kysely<Database> = this.store.db,
  ): Promise<boolean> {
    let query = db
      .updateTable("jobs")
      .set({ status: "queued", updated_at: now, lease_owner: null, lease_expires_at: null })
      .where("id", "=", id)
      .where("status", "=", "running");
    if (only.owner !== undefined) query = query.where("lease_owner", "=", only.owner);
    const expiredBy = only.expiredBy;
    if (expiredBy !== undefined)
      query = query.where((eb) => eb.or([eb("lease_expires_at", "is", null), eb("lease_expires_at", "<", expiredBy)]));
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async saveProgress(id: string, stage: string | null, events: StoredProgressEvent[], now: string): Promise<void> {
    await this.store.db
      .updateTable("jobs")
      .set({ stage, events_json: JSON.stringify(events), updated_at: now })
      .where("id", "=", id)
      .execute();
  }

  /** Records how a run ended; with `owner`, only while that worker still holds the job (false otherwise). */
  async finish(
    id: string,
    outcome: { status: "done" | "failed"; error?: string | null; resultCheckId?: string | null },
    now: string,
    owner?: string,
    db: Kysely<Database> = this.store.db,
  ): Promise<boolean> {
    let query = db
      .updateTable("jobs")
      .set({
        status: outcome.status,
        error: outcome.error ? outcome.error.slice(0, 2000) : null,
        result_check_id: outcome.resultCheckId ?? null,
        finished_at: now,
        updated_at: now,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where("id", "=", id);
    if (owner !== undefined) query = query.where("lease_owner", "=", owner).where("status", "=", "running");
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async counts(): Promise<Record<JobStatus, number>> {
    const rows = await this.store.db
      .selectFrom("jobs")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) if (r.status in out) out[r.status as JobStatus] = Number(r.n);
    return out;
  }
}
