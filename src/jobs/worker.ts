// A worker: runs queued checks, a configurable number at a time. `verity worker` runs one in its own
// process, `verity serve` starts one in a child process (so checks never run on the event loop that
// serves pages), and tests run one inside the server: the same code.
//
// - Jobs reach it through the dispatch (src/jobs/dispatch.ts): the store's leased jobs table on SQLite,
//   pg-boss on PostgreSQL. A job is run at most `maxAttempts` times: a run that fails (other than for
//   bad input) is tried again, and a job whose runs kept being interrupted is given up as failed.
// - Publishing is idempotent per job: the first claim records the check's published version, so a
//   run that finds a newer version published (by an earlier run of the same job, killed before it
//   recorded it) marks the job done instead of running again; and two runs of one job cannot both
//   publish (a version is published once), so each job publishes at most one version.
// - Progress is appended to the store's event log (the web processes follow it, src/jobs/relay.ts)
//   and, as a short log, to the job's row, so a reload shows the stage reached. A web process that
//   runs this worker gets it on its bus at once.
// - A job whose outcome could not be written because the disk is full (or that could not be claimed)
//   is handed back and tried again every few seconds until space returns (SpaceWait).
// - `stop` takes no more jobs at once, waits for the running ones up to a timeout, then hands the
//   unfinished ones back to the queue.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { isDiskFull } from "../domain/disk-full.js";
import { ConfigError, errorMessage, isUserError } from "../domain/errors.js";
import type { ProgressEvent } from "../domain/progress.js";
import type { Report } from "../domain/report.js";
import type { CheckService } from "../service/check-service.js";
import type { Verity } from "../service/verity.js";
import type { CheckRepository } from "../store/checks.js";
import { JobEventRepository } from "../store/job-events.js";
import { JobRepository, type Job, type StoredProgressEvent } from "../store/jobs.js";
import { coalesced } from "./coalesced.js";
import type { ProgressBus } from "./bus.js";
import { openDispatch, type DispatchSettings, type JobDispatch } from "./dispatch.js";
import { SpaceWait } from "./space-wait.js";

export interface WorkerOptions {
  /** How many checks run at once (VERITY_CONCURRENCY, default 2). */
  concurrency?: number;
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
  dispatch: JobDispatch;
  /** The bus of a web process this worker runs in: its events reach it at once, not through the log. */
  bus?: ProgressBus;
}

/** Events older than this leave the log (each job's row keeps its run's stages). */
const EVENTS_KEPT_MS = 24 * 3600_000;

interface Held {
  job: Job;
  run: Promise<void>;
}

export class Worker {
  /** This worker's name on the jobs it holds: its machine and process, for whoever looks at the jobs table. */
  readonly id = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  readonly concurrency: number;
  private readonly pollMs: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  private readonly active = new Map<string, Held>();
  private ready: Promise<void> | null = null;
  private stopped = false;
  /** Claims what fits, one pass at a time (a call during a pass makes one more). */
  private readonly pump = coalesced(() => this.fill().catch((error) => this.failed(error)));
  /** Jobs handed back while their run went on here: that run tells readers nothing more. */
  private readonly released = new Set<string>();
  /** Jobs whose failed run here is to be tried again (until one is taken). */
  private readonly retrying = new Set<string>();
  /** Jobs left running in the store because the disk was full when their outcome was written. */
  private readonly stalled = new Map<string, Job>();
  private readonly space: SpaceWait;
  private timers: NodeJS.Timeout[] = [];
  private idleWaiters: (() => void)[] = [];
  private lastPrune = 0;

  constructor(
    private readonly deps: WorkerDeps,
    private readonly options: WorkerOptions = {},
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.pollMs = Math.max(10, options.pollMs ?? 500);
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? ((error) => console.error("verity worker:", error));
    this.space = new SpaceWait(() => this.recover(), options.spaceRetryMs ?? 2_000, options.log ?? ((m) => console.error(m)), this.onError);
  }

  /** Takes back the jobs of workers that went away, then starts working. Idempotent. */
  start(): Promise<void> {
    if (!this.ready) {
      this.ready = this.deps.dispatch.start().then(() => this.reclaim());
      this.ready.then(
        () => {
          this.startTimers();
          return this.kick();
        },
        (error) => {
          if (error instanceof ConfigError) return; // said once, by whoever started the worker
          if (isDiskFull(error)) this.ready = null; // started again when space returns
          this.failed(error);
        },
      );
    }
    return this.ready;
  }

  /** Looks at the queue every `pollMs` (when nothing told this worker of a new job), and tends its jobs. */
  private startTimers(): void {
    if (this.timers.length > 0 || this.stopped) return;
    const every = (ms: number, work: () => Promise<void>) => {
      const timer = setInterval(() => void work().catch((error) => this.failed(error)), ms);
      if (!this.options.holdProcess) timer.unref();
      this.timers.push(timer);
    };
    every(this.pollMs, () => this.pump());
    every(this.deps.dispatch.tendMs, () => this.heartbeat());
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

  /** Resolves when nothing runs here and nothing is queued that this worker could take (tests, benchmarks). */
  async whenIdle(): Promise<void> {
    await this.start();
    for (;;) {
      if (this.active.size === 0) {
        const queued = await this.deps.jobs.queued(1);
        if (queued.length === 0 || this.stopped) return;
        await this.pump();
        if (this.active.size === 0) {
          if (this.retrying.size === 0) return;
          await sleep(this.pollMs); // a run it failed waits out its retry delay (pg-boss's backoff)
          continue;
        }
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
    const running = Promise.allSettled([...this.active.values()].map((held) => held.run));
    const { timeoutMs } = options;
    if (timeoutMs === undefined) await running;
    else if (timeoutMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    let handedBack = 0;
    for (const { job } of [...this.active.values()]) if (await this.handBack(job)) handedBack++;
    await this.deps.dispatch.stop();
    return handedBack;
  }

  /** Gives a job back to the queue; this run of it tells readers nothing more. */
  private async handBack(job: Job): Promise<boolean> {
    this.released.add(job.id);
    if (!(await this.deps.dispatch.handBack(this.id, job))) return false;
    await this.emit(job.checkId, "queued", { checkId: job.checkId });
    return true;
  }

  /** Keeps the running jobs this worker's, takes back abandoned ones, and trims the event log now and then. */
  private async heartbeat(): Promise<void> {
    if (this.stopped) return;
    await this.reclaim();
    const now = this.now().getTime();
    if (now - this.lastPrune > 3600_000) {
      this.lastPrune = now;
      await this.deps.events.prune(new Date(now - EVENTS_KEPT_MS).toISOString());
    }
  }

  /** Jobs whose worker went away go back to the queue (readers are told they wait again). */
  private async reclaim(): Promise<void> {
    for (const job of await this.deps.dispatch.tend(this.id, [...this.active.keys()]))
      await this.emit(job.checkId, "queued", { checkId: job.checkId });
  }

  /** Takes jobs while there are free slots. */
  private async fill(): Promise<void> {
    while (!this.stopped && this.active.size < this.concurrency) {
      const taken = await this.deps.dispatch.take(this.id, this.concurrency - this.active.size);
      if (taken.length === 0) break;
      for (const job of taken) {
        if (this.stopped)
          await this.handBack(job); // a stop came while they were being taken
        else this.launch(job);
      }
    }
  }

  private launch(job: Job): void {
    this.retrying.delete(job.id);
    const run = this.run(job)
      .catch((error) => {
        if (isDiskFull(error)) this.stalled.set(job.id, job);
        this.failed(error);
      })
      .finally(() => {
        this.active.delete(job.id);
        this.released.delete(job.id);
        if (!this.stopped) this.pump().catch((error) => this.onError(error));
        this.notifyIdle();
      });
    this.active.set(job.id, { job, run });
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async run(job: Job): Promise<void> {
    const { checks, service, dispatch } = this.deps;
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
      if (this.released.has(job.id)) return;
      this.deps.bus?.publish(checkId, event.type, stored); // this process's readers see it now
      saving = saving
        .then(async () => {
          if (this.released.has(job.id)) return;
          await this.append(checkId, event.type, stored);
          await this.deps.jobs.saveProgress(job.id, current, snapshot, this.iso());
        })
        .catch(() => {});
    };
    const publishedEarlier = async (): Promise<boolean> => {
      const row = await checks.row(checkId);
      return row !== null && job.baseVersion !== null && row.version > job.baseVersion && row.status !== "running";
    };

    try {
      if (await publishedEarlier()) {
        // Published by an earlier run of this job, which stopped before recording it.
        await saving;
        if (await dispatch.finish(this.id, job, { status: "done", resultCheckId: null }))
          await this.publishDone(checkId, checkId, await checks.get(checkId));
        return;
      }
      if (job.attempts > dispatch.maxAttempts) {
        await saving;
        const error = `the check was interrupted ${job.attempts - 1} times and was given up`;
        if (await dispatch.finish(this.id, job, { status: "failed", error }))
          await this.emit(checkId, "failed", { checkId, error: "the check was interrupted too many times" });
        return;
      }
      if (job.attempts > 1) await checks.resetInterrupted(checkId, this.iso());
      // The job holds a submission the service accepted when it was queued.
      const submitted = await service.submit({ text: job.input, matchKey: job.matchKey }, { id: checkId, fresh: job.fresh, onEvent });
      const report = "reused" in submitted ? submitted.reused : await submitted.done;
      await saving;
      const resultCheckId = report.id !== checkId ? report.id : null;
      if (await dispatch.finish(this.id, job, { status: "done", resultCheckId })) await this.publishDone(checkId, report.id, report);
    } catch (error) {
      await saving;
      if (isDiskFull(error)) throw error; // not the check's fault: run again once space returns
      // Another run of this job published first (this one had lost it): the check is done.
      const row = await checks.row(checkId);
      if (row && job.baseVersion !== null && row.version > job.baseVersion) {
        if (await dispatch.finish(this.id, job, { status: "done", resultCheckId: null }))
          await this.publishDone(checkId, checkId, await checks.get(checkId));
        return;
      }
      const message = errorMessage(error);
      // Bad input fails again; anything else may pass on another try.
      const retry = job.attempts < dispatch.maxAttempts && !isUserError(error);
      // A run that lost its job (handed back, or taken over by another worker) records nothing.
      if (!(await dispatch.finish(this.id, job, retry ? { status: "retry", error: message } : { status: "failed", error: message })))
        return;
      if (retry) {
        this.retrying.add(job.id);
        await this.emit(checkId, "queued", { checkId, retry: job.attempts + 1 });
      } else await this.emit(checkId, "failed", { checkId, error: message });
    }
  }

  /** Space may be back: takes back expired jobs if that could not be done, hands the stalled jobs back, fills the slots. */
  private async recover(): Promise<void> {
    if (this.stopped) return;
    await this.start();
    for (const job of [...this.stalled.values()]) {
      await this.deps.dispatch.handBack(this.id, job);
      this.stalled.delete(job.id);
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

  private iso(): string {
    return this.now().toISOString();
  }
}

/** A worker over an open Verity's store and check service, with the dispatch of its database. */
export function openWorker(verity: Verity, options: WorkerOptions & { dispatch?: Partial<DispatchSettings> } = {}): Worker {
  const { store, checks, service } = verity;
  const dispatch = openDispatch(store, { ...(options.now ? { now: options.now } : {}), ...options.dispatch });
  return new Worker({ service, checks, jobs: new JobRepository(store), events: new JobEventRepository(store), dispatch }, options);
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
