// A worker: runs queued checks from the store, a configurable number at a time. `verity worker`
// runs one in its own process, `verity serve` starts one in a child process (so checks never run
// on the event loop that serves pages), and tests run one inside the server: the same code.
//
// - A job is claimed atomically and leased to this worker, which renews the lease while it runs.
//   A job whose lease ran out (its worker was killed) goes back to the queue, and is given up as
//   failed after `maxAttempts` interrupted runs.
// - A re-run whose report was published by the interrupted run is marked done instead of being
//   run again; two runs of one job cannot both publish (a version is published once), so each
//   run publishes at most one version.
// - Progress is appended to the store's event log (the web processes follow it, src/jobs/relay.ts)
//   and, as a short log, to the job's row, so a reload shows the stage reached. A web process that
//   runs this worker gets it on its bus at once.
// - A job whose outcome could not be written because the disk is full (or that could not be claimed)
//   is handed back and tried again every few seconds until space returns (SpaceWait).
// - `stop` takes no more jobs at once, waits for the running ones up to a timeout, then hands the
//   unfinished ones back to the queue.
import { randomUUID } from "node:crypto";
import { isDiskFull } from "../domain/disk-full.js";
import { errorMessage } from "../domain/errors.js";
import type { ProgressEvent } from "../domain/progress.js";
import type { Report } from "../domain/report.js";
import type { CheckService } from "../service/check-service.js";
import type { Verity } from "../service/verity.js";
import type { CheckRepository } from "../store/checks.js";
import { JobEventRepository } from "../store/job-events.js";
import { JobRepository, type StoredProgressEvent } from "../store/jobs.js";
import { coalesced } from "./coalesced.js";
import type { ProgressBus } from "./bus.js";
import { SpaceWait } from "./space-wait.js";

export interface WorkerOptions {
  /** How many checks run at once (VERITY_CONCURRENCY, default 2). */
  concurrency?: number;
  /** A job interrupted this many times is given up as failed. */
  maxAttempts?: number;
  /** How long a claimed job stays this worker's without a renewal (renewed every third of it). */
  leaseMs?: number;
  /** How often the queue is looked at when nothing told this worker about a new job. */
  pollMs?: number;
  /** Keep the process alive while working (`verity worker`); a worker inside another process does not. */
  holdProcess?: boolean;
  now?: () => Date;
  /** Errors of the worker itself (the store going away); checks' own failures are recorded on the job. */
  onError?: (error: unknown) => void;
  /** How often writes refused for want of disk space are tried again (default 2 s). */
  spaceRetryMs?: number;
  /** Where the worker says that it waits for space, and that it resumed. */
  log?: (message: string) => void;
}

export interface WorkerDeps {
  service: Pick<CheckService, "submit">;
  checks: CheckRepository;
  jobs: JobRepository;
  events: JobEventRepository;
  /** The bus of a web process this worker runs in: its events reach it at once, not through the log. */
  bus?: ProgressBus;
}

/** Events older than this leave the log (each job's row keeps its run's stages). */
const EVENTS_KEPT_MS = 24 * 3600_000;
const DEFAULT_LEASE_MS = 30_000;

export class Worker {
  /** This worker's name on the jobs it holds. */
  readonly id = randomUUID();
  readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  private readonly active = new Map<string, Promise<void>>();
  private ready: Promise<void> | null = null;
  private stopped = false;
  /** Claims what fits, one pass at a time (a call during a pass makes one more). */
  private readonly pump = coalesced(() => this.fill().catch((error) => this.failed(error)));
  /** Jobs handed back while their run went on here: that run tells readers nothing more. */
  private readonly released = new Set<string>();
  /** Jobs left running in the store because the disk was full when their outcome was written. */
  private readonly stalled = new Set<string>();
  private readonly space: SpaceWait;
  private timers: NodeJS.Timeout[] = [];
  private idleWaiters: (() => void)[] = [];
  private lastPrune = 0;

  constructor(
    private readonly deps: WorkerDeps,
    private readonly options: WorkerOptions = {},
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.leaseMs = Math.max(100, options.leaseMs ?? DEFAULT_LEASE_MS);
    this.pollMs = Math.max(10, options.pollMs ?? 500);
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? ((error) => console.error("verity worker:", error));
    this.space = new SpaceWait(() => this.recover(), options.spaceRetryMs ?? 2_000, options.log ?? ((m) => console.error(m)), this.onError);
  }

  /** Takes back the jobs of workers that stopped renewing their leases, then starts working. Idempotent. */
  start(): Promise<void> {
    if (this.timers.length === 0 && !this.stopped) {
      const every = (ms: number, work: () => Promise<void>) => {
        const timer = setInterval(() => void work().catch((error) => this.failed(error)), ms);
        if (!this.options.holdProcess) timer.unref();
        this.timers.push(timer);
      };
      every(this.pollMs, () => this.pump());
      every(Math.max(50, Math.floor(this.leaseMs / 3)), () => this.heartbeat());
    }
    if (!this.ready) {
      this.ready = this.reclaim();
      this.ready.then(
        () => this.kick(),
        (error) => {
          if (isDiskFull(error)) this.ready = null; // started again when space returns
          this.failed(error);
        },
      );
    }
    return this.ready;
  }

  /** Looks at the queue now (a job was just queued) and claims what fits. */
  async kick(): Promise<void> {
    await this.start();
    await this.pump().catch((error) => this.onError(error));
  }

  /** Whether a check is running in this worker. */
  get busy(): boolean {
    return this.active.size > 0;
  }

  /** Resolves when nothing runs here and nothing is queued (tests, benchmarks). */
  async whenIdle(): Promise<void> {
    await this.start();
    for (;;) {
      if (this.active.size === 0) {
        const queued = await this.deps.jobs.queued(1);
        if (queued.length === 0 || this.stopped) return;
        await this.pump();
        if (this.active.size === 0) return;
      }
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  /**
   * Takes no more jobs, waits for the running ones (at most `timeoutMs`, none when 0), and hands
   * those still running back to the queue. Resolves with how many were handed back.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<number> {
    this.stopped = true;
    this.space.stop();
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const running = Promise.allSettled([...this.active.values()]);
    const { timeoutMs } = options;
    if (timeoutMs === undefined) await running;
    else if (timeoutMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    let handedBack = 0;
    for (const jobId of [...this.active.keys()]) {
      const job = await this.deps.jobs.get(jobId);
      this.released.add(jobId);
      if (job && (await this.deps.jobs.requeue(jobId, this.iso(), { owner: this.id }))) {
        handedBack++;
        await this.emit(job.checkId, "queued", { checkId: job.checkId });
      }
    }
    return handedBack;
  }

  /** Renews the leases of the running jobs, takes back expired ones, and trims the event log now and then. */
  private async heartbeat(): Promise<void> {
    if (this.stopped) return;
    await this.deps.jobs.renew(this.id, [...this.active.keys()], this.leaseUntil());
    await this.reclaim();
    const now = this.now().getTime();
    if (now - this.lastPrune > 3600_000) {
      this.lastPrune = now;
      await this.deps.events.prune(new Date(now - EVENTS_KEPT_MS).toISOString());
    }
  }

  /** Jobs whose worker stopped renewing their lease go back to the queue, or fail after too many tries. */
  private async reclaim(): Promise<void> {
    const { jobs } = this.deps;
    const now = this.iso();
    for (const job of await jobs.expired(now)) {
      if (this.active.has(job.id)) continue;
      if (job.attempts >= this.maxAttempts) {
        // Given up only if its lease is still expired (a late renewal means its worker lives).
        if (await jobs.requeue(job.id, now, { expiredBy: now })) {
          await jobs.finish(job.id, { status: "failed", error: `the check was interrupted ${job.attempts} times and was given up` }, now);
          await this.emit(job.checkId, "failed", { checkId: job.checkId, error: "the check was interrupted too many times" });
        }
        continue;
      }
      if (await jobs.requeue(job.id, now, { expiredBy: now })) await this.emit(job.checkId, "queued", { checkId: job.checkId });
    }
  }

  /** Claims queued jobs, oldest first, while there are free slots. */
  private async fill(): Promise<void> {
    const { jobs, checks } = this.deps;
    while (!this.stopped && this.active.size < this.concurrency) {
      const candidates = (await jobs.queued(this.concurrency * 2 + this.active.size)).filter((j) => !this.active.has(j.id));
      let claimed = false;
      for (const job of candidates) {
        if (this.stopped || this.active.size >= this.concurrency) break;
        const row = await checks.row(job.checkId);
        if (!(await jobs.claim(job.id, row?.version ?? 0, this.iso(), { owner: this.id, until: this.leaseUntil() }))) continue;
        claimed = true;
        const run = this.run(job.id)
          .catch((error) => {
            if (isDiskFull(error)) this.stalled.add(job.id);
            this.failed(error);
          })
          .finally(() => {
            this.active.delete(job.id);
            this.released.delete(job.id);
            if (!this.stopped) this.pump().catch((error) => this.onError(error));
            this.notifyIdle();
          });
        this.active.set(job.id, run);
      }
      if (!claimed) break;
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async run(jobId: string): Promise<void> {
    const { jobs, checks, service } = this.deps;
    const job = await jobs.get(jobId);
    if (!job) return;
    const checkId = job.checkId;
    const log: StoredProgressEvent[] = [];
    let stage: string | null = null;
    // Events are written in order, one after another; a failed write never stops the check.
    let saving: Promise<void> = this.emit(checkId, "started", { checkId, attempt: job.attempts });
    const onEvent = (event: ProgressEvent) => {
      const stored = storedEvent(event);
      log.push(stored);
      if (event.type === "stage-started") stage = event.stage;
      const snapshot = [...log];
      const current = stage;
      if (this.released.has(jobId)) return;
      this.deps.bus?.publish(checkId, event.type, stored); // this process's readers see it now
      saving = saving
        .then(async () => {
          if (this.released.has(jobId)) return;
          await this.append(checkId, event.type, stored);
          await jobs.saveProgress(jobId, current, snapshot, this.iso());
        })
        .catch(() => {});
    };

    try {
      const row = await checks.row(checkId);
      if (row && job.baseVersion !== null && row.version > job.baseVersion && row.status !== "running") {
        // Published by an earlier run of this job, which stopped before recording it.
        await saving;
        if (await jobs.finish(jobId, { status: "done" }, this.iso(), this.id))
          await this.publishDone(checkId, checkId, await checks.get(checkId));
        return;
      }
      if (job.attempts > 1) await checks.resetInterrupted(checkId, this.iso());
      // The job holds a submission the service accepted when it was queued.
      const submitted = await service.submit({ text: job.input, matchKey: job.matchKey }, { id: checkId, fresh: job.fresh, onEvent });
      const report = "reused" in submitted ? submitted.reused : await submitted.done;
      await saving;
      const resultCheckId = report.id !== checkId ? report.id : null;
      if (await jobs.finish(jobId, { status: "done", resultCheckId }, this.iso(), this.id))
        await this.publishDone(checkId, report.id, report);
    } catch (error) {
      await saving;
      if (isDiskFull(error)) throw error; // not the check's fault: run again once space returns
      // Another run of this job published first (this one had lost it): the check is done.
      const row = await checks.row(checkId);
      if (row && job.baseVersion !== null && row.version > job.baseVersion) {
        if (await jobs.finish(jobId, { status: "done" }, this.iso(), this.id))
          await this.publishDone(checkId, checkId, await checks.get(checkId));
        return;
      }
      const message = errorMessage(error);
      // A run that lost its job (handed back, or taken over after its lease ran out) records nothing.
      if (await jobs.finish(jobId, { status: "failed", error: message }, this.iso(), this.id))
        await this.emit(checkId, "failed", { checkId, error: message });
    }
  }

  /** Space may be back: takes back expired jobs if that could not be done, hands the stalled jobs back, fills the slots. */
  private async recover(): Promise<void> {
    if (this.stopped) return;
    await this.start();
    for (const id of [...this.stalled]) {
      await this.deps.jobs.requeue(id, this.iso(), { owner: this.id });
      this.stalled.delete(id);
    }
    await this.pump();
  }

  /** A write refused for want of space waits for space (tried again every few seconds); anything else is reported. */
  private failed(error: unknown): void {
    if (isDiskFull(error)) this.space.wait();
    else this.onError(error);
  }

  private publishDone(channelId: string, checkId: string, report: Report | null): Promise<void> {
    return this.emit(channelId, "done", { checkId, url: report?.url ?? null, version: report?.version ?? null });
  }

  /** Publishes on this process's bus at once and appends to the event log (for the other processes). */
  private emit(checkId: string, type: string, data: Record<string, unknown>): Promise<void> {
    this.deps.bus?.publish(checkId, type, data);
    return this.append(checkId, type, data);
  }

  /** A failed write loses the event for the other processes, never the check. */
  private async append(checkId: string, type: string, data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.events.append(checkId, type, data, this.iso(), this.id);
    } catch (error) {
      this.failed(error);
    }
  }

  private leaseUntil(): string {
    return new Date(this.now().getTime() + this.leaseMs).toISOString();
  }

  private iso(): string {
    return this.now().toISOString();
  }
}

/** A worker over an open Verity's store and check service. */
export function openWorker(verity: Verity, options: WorkerOptions = {}): Worker {
  const { store, checks, service } = verity;
  return new Worker({ service, checks, jobs: new JobRepository(store), events: new JobEventRepository(store) }, options);
}

/** A progress event as stored and sent: the providers list trimmed to what a reader sees. */
function storedEvent(event: ProgressEvent): StoredProgressEvent {
  if (event.type === "sources-found") {
    return {
      type: event.type,
      count: event.count,
      providers: event.providers.map((p) => ({ id: p.id, status: p.status, results: p.results })),
    };
  }
  return { ...event };
}
