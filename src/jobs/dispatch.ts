// How jobs reach workers, behind one interface: on SQLite the store's jobs table, each running job
// leased to its worker (src/jobs/leases.ts); on PostgreSQL pg-boss (src/jobs/boss.ts), which brings
// retries with backoff, expiry of stuck jobs and a singleton key per question. On both, the jobs table
// keeps each job's record (status, attempts, progress) for the pages; the dispatch decides who runs
// what, and when it runs again. The queue (src/jobs/queue.ts) and the worker (src/jobs/worker.ts) speak
// only to this interface, and the service and server only to them.
import { ConfigError } from "../domain/errors.js";
import type { Store } from "../store/db.js";
import type { Job, NewJob } from "../store/jobs.js";
import { BossDispatch } from "./boss.js";
import { LeasedDispatch } from "./leases.js";

/** How a run ended: published, failed for good, or failed and to be tried again. */
export type RunOutcome =
  { status: "done"; resultCheckId: string | null } | { status: "failed"; error: string } | { status: "retry"; error: string };

export interface JobDispatch {
  /** A job is run at most this many times: a failed or interrupted run is tried again until then. */
  readonly maxAttempts: number;
  /** How often a worker tends its jobs (SQLite: renews its leases, every third of a lease). */
  readonly tendMs: number;
  /** Connects (pg-boss: refuses, in one line, a database `verity migrate` has not set up). Idempotent. */
  start(): Promise<void>;
  /** Queues a new job; false when an active job already holds its question (the submitter joins that one). */
  send(job: NewJob): Promise<boolean>;
  /**
   * Takes up to `limit` jobs for worker `owner`, each claimed: running, its attempt counted, and on its
   * first attempt the check's published version recorded (so a later attempt can tell it was published).
   */
  take(owner: string, limit: number): Promise<Job[]>;
  /** Keeps `owner`'s running jobs its own, and puts back in the queue (and returns) the jobs of workers that went away. */
  tend(owner: string, running: string[]): Promise<Job[]>;
  /** Records how `owner`'s run of a job ended; false when the job is no longer its own (it records nothing then). */
  finish(owner: string, job: Job, outcome: RunOutcome): Promise<boolean>;
  /** Gives `owner`'s running job back to the queue (a stopping worker, a full disk). */
  handBack(owner: string, job: Job): Promise<boolean>;
  /** Takes no more jobs and closes its connections. */
  stop(): Promise<void>;
}

export interface DispatchSettings {
  /** SQLite: how long a claimed job stays a worker's without a renewal (renewed every third of it). */
  leaseMs: number;
  /** PostgreSQL: how long a run may take before pg-boss hands its job to another worker. */
  expiryMs: number;
  /** PostgreSQL: the wait before a failed run is tried again (doubled each time, with jitter). */
  retryDelayMs: number;
  /** A job is run at most this many times. */
  maxAttempts: number;
  /** PostgreSQL: how many connections pg-boss may hold. */
  connections: number;
  now: () => Date;
}

export const DEFAULT_DISPATCH: Omit<DispatchSettings, "now"> = {
  leaseMs: 30_000,
  expiryMs: 15 * 60_000,
  retryDelayMs: 5_000,
  maxAttempts: 3,
  connections: 4,
};

/** The dispatch of this store's database. */
export function openDispatch(store: Store, settings: Partial<DispatchSettings> = {}): JobDispatch {
  const full: DispatchSettings = { ...DEFAULT_DISPATCH, now: () => new Date(), ...settings };
  return store.kind === "postgres" ? new BossDispatch(store, full) : new LeasedDispatch(store, full);
}

/** A number of seconds from the environment, in milliseconds (a clear error for anything else). */
export function envSeconds(env: Record<string, string | undefined>, name: string, fallbackMs: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallbackMs;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 86_400) throw new ConfigError(`${name} must be a number of seconds (got "${raw.slice(0, 40)}")`);
  return n * 1000;
}

/**
 * The dispatch's settings from the environment: VERITY_JOB_LEASE (SQLite, seconds, at least 1) and
 * VERITY_JOB_EXPIRY (PostgreSQL, seconds, at least 1). The web processes read them too: on PostgreSQL
 * a job carries its expiry from the process that queued it.
 */
export function dispatchSettings(env: Record<string, string | undefined>): Partial<DispatchSettings> {
  return {
    leaseMs: Math.max(1000, envSeconds(env, "VERITY_JOB_LEASE", DEFAULT_DISPATCH.leaseMs)),
    expiryMs: Math.max(1000, envSeconds(env, "VERITY_JOB_EXPIRY", DEFAULT_DISPATCH.expiryMs)),
  };
}
