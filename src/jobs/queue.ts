// The job queue: checks submitted through the site or the API run as durable jobs
// in the store, a configurable number at a time, inside the server process (SQLite).
//
// - A submission first joins a queued or running job of the same question (same words,
//   ignoring case and punctuation), then reuses a fresh published report, and only
//   otherwise queues a new job (refreshing the stale check when there is one).
// - Jobs left running by a stopped server go back to the queue when the queue starts;
//   a job whose report was published before the stop is marked done instead of being
//   run again, so every run publishes at most one version.
// - A job whose outcome could not be written because the disk is full (or that could not be
//   claimed) is handed back and tried again every few seconds until space returns (SpaceWait).
// - Progress goes to the in-memory bus (server-sent events) and, as a short log, to the
//   job's row, so a reload shows the stage reached.
import { randomUUID } from "node:crypto";
import { isDiskFull } from "../domain/disk-full.js";
import { errorMessage } from "../domain/errors.js";
import type { Report } from "../domain/report.js";
import { acceptInput } from "../domain/input.js";
import type { CheckService } from "../service/check-service.js";
import type { ProgressEvent } from "../domain/progress.js";
import type { CheckRepository } from "../store/checks.js";
import type { Job, JobRepository, StoredProgressEvent } from "../store/jobs.js";
import type { ProgressBus } from "./bus.js";
import { SpaceWait } from "./space-wait.js";

interface JobQueueOptions {
  /** How many checks run at once (VERITY_CONCURRENCY, default 2). */
  concurrency?: number;
  /** A job interrupted this many times is given up as failed. */
  maxAttempts?: number;
  now?: () => Date;
  /** Errors of the queue itself (the store going away); checks' own failures are recorded on the job. */
  onError?: (error: unknown) => void;
  /** How often writes refused for want of disk space are tried again (default 2 s). */
  spaceRetryMs?: number;
  /** Where the queue says that it waits for space, and that it resumed. */
  log?: (message: string) => void;
}

export type EnqueueResult =
  { kind: "reused"; report: Report } | { kind: "job"; checkId: string; jobId: string; status: "queued" | "running"; joined: boolean };

interface JobQueueDeps {
  service: Pick<CheckService, "submit" | "lookup">;
  checks: CheckRepository;
  jobs: JobRepository;
  bus: ProgressBus;
}

export class JobQueue {
  readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;
  private readonly active = new Map<string, Promise<void>>();
  private ready: Promise<void> | null = null;
  private stopped = false;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private lock: Promise<unknown> = Promise.resolve();
  private idleWaiters: (() => void)[] = [];
  /** Jobs left running in the store because the disk was full when their outcome was written. */
  private readonly stalled = new Set<string>();
  private readonly space: SpaceWait;

  constructor(
    private readonly deps: JobQueueDeps,
    options: JobQueueOptions = {},
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? ((error) => console.error("verity jobs:", error));
    const log = options.log ?? ((message) => console.error(message));
    this.space = new SpaceWait(() => this.recover(), options.spaceRetryMs ?? 2_000, log, this.onError);
  }

  /** Re-queues the jobs a stopped server left running, then starts working. Idempotent. */
  start(): Promise<void> {
    if (!this.ready) {
      this.ready = this.resume();
      this.ready.then(
        () => this.kick(),
        (error) => {
          if (!isDiskFull(error)) return this.onError(error);
          this.ready = null; // resumed again when space returns
          this.space.wait();
        },
      );
    }
    return this.ready;
  }

  private async resume(): Promise<void> {
    const { jobs, bus } = this.deps;
    const now = this.iso();
    for (const job of await jobs.running()) {
      if (job.attempts >= this.maxAttempts) {
        await jobs.finish(job.id, { status: "failed", error: `the check was interrupted ${job.attempts} times and was given up` }, now);
        continue;
      }
      await jobs.requeue(job.id, now);
    }
    for (const job of await jobs.queued(10_000)) {
      bus.open(job.checkId);
      bus.publish(job.checkId, "queued", { checkId: job.checkId });
    }
  }

  /**
   * Submits a question: joins the running check of the same question, answers with the
   * fresh published report, or queues a job. `fresh` re-checks even a fresh report.
   */
  async enqueue(rawInput: string, options: { fresh?: boolean } = {}): Promise<EnqueueResult> {
    await this.start();
    const submission = acceptInput(rawInput);
    const { matchKey } = submission;
    const result = await this.exclusive(async (): Promise<EnqueueResult> => {
      const { jobs, bus, service } = this.deps;
      const active = await jobs.findActiveByMatchKey(matchKey);
      if (active)
        return { kind: "job", checkId: active.checkId, jobId: active.id, status: active.status as "queued" | "running", joined: true };
      const { existing, reusable } = await service.lookup(submission, options);
      if (existing && reusable) return { kind: "reused", report: existing };
      const checkId = existing?.id ?? randomUUID();
      const jobId = randomUUID();
      bus.open(checkId);
      // A stale or explicitly refreshed check is re-run; a new one would reuse a report published meanwhile.
      const inserted = await jobs.insert({
        id: jobId,
        checkId,
        input: submission.text,
        matchKey,
        fresh: existing !== null,
        now: this.iso(),
      });
      if (!inserted) {
        const other = await jobs.findActiveByMatchKey(matchKey);
        if (other)
          return { kind: "job", checkId: other.checkId, jobId: other.id, status: other.status as "queued" | "running", joined: true };
        throw new Error("could not queue the check");
      }
      bus.publish(checkId, "queued", { checkId });
      return { kind: "job", checkId, jobId, status: "queued", joined: false };
    });
    if (result.kind === "job" && !result.joined) {
      await this.pump();
      const job = await this.deps.jobs.get(result.jobId);
      if (job && (job.status === "running" || job.status === "queued")) result.status = job.status;
      else if (job) result.status = "running"; // it already finished: it did run
    }
    return result;
  }

  /** The newest job of a check, after the queue has resumed. */
  async latestJob(checkId: string): Promise<Job | null> {
    await this.start();
    return this.deps.jobs.latestForCheck(checkId);
  }

  /** Whether no job is running or queued in this process. */
  get busy(): boolean {
    return this.active.size > 0;
  }

  /** Resolves when nothing is running and nothing is queued (tests, shutdown). */
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
   * Stops taking jobs. With `wait`, resolves when the running ones are finished; without,
   * they are left to the next start, which runs them again.
   */
  async stop(options: { wait?: boolean } = {}): Promise<void> {
    this.stopped = true;
    this.space.stop();
    if (options.wait !== false) await Promise.allSettled([...this.active.values()]);
  }

  private kick(): void {
    this.pump().catch((error) => this.onError(error));
  }

  private pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      do {
        this.pumpAgain = false;
        await this.fill().catch((error) => {
          if (!isDiskFull(error)) throw error;
          this.space.wait();
        });
      } while (this.pumpAgain);
    })().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
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
        if (!(await jobs.claim(job.id, row?.version ?? 0, this.iso()))) continue;
        claimed = true;
        const run = this.run(job.id)
          .catch((error) => {
            if (!isDiskFull(error)) return this.onError(error);
            this.stalled.add(job.id);
            this.space.wait();
          })
          .finally(() => {
            this.active.delete(job.id);
            this.kick();
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
    const { jobs, checks, bus, service } = this.deps;
    const job = await jobs.get(jobId);
    if (!job) return;
    const checkId = job.checkId;
    bus.open(checkId);
    bus.publish(checkId, "started", { checkId, attempt: job.attempts });

    const log: StoredProgressEvent[] = [];
    let stage: string | null = null;
    let saving: Promise<void> = Promise.resolve();
    const onEvent = (event: ProgressEvent) => {
      const stored = storedEvent(event);
      bus.publish(checkId, event.type, stored);
      log.push(stored);
      if (event.type === "stage-started") stage = event.stage;
      const snapshot = [...log];
      const current = stage;
      saving = saving.then(() => jobs.saveProgress(jobId, current, snapshot, this.iso())).catch(() => {});
    };

    try {
      const row = await checks.row(checkId);
      if (row && job.baseVersion !== null && row.version > job.baseVersion && row.status !== "running") {
        // Published by an earlier run of this job, which stopped before recording it.
        await jobs.finish(jobId, { status: "done" }, this.iso());
        this.publishDone(checkId, checkId, await checks.get(checkId));
        return;
      }
      if (job.attempts > 1) await checks.resetInterrupted(checkId, this.iso());
      // The job holds a submission the service accepted when it was queued.
      const submitted = await service.submit({ text: job.input, matchKey: job.matchKey }, { id: checkId, fresh: job.fresh, onEvent });
      const report = "reused" in submitted ? submitted.reused : await submitted.done;
      await saving;
      await jobs.finish(jobId, { status: "done", resultCheckId: report.id !== checkId ? report.id : null }, this.iso());
      this.publishDone(checkId, report.id, report);
    } catch (error) {
      await saving;
      if (isDiskFull(error)) throw error; // not the check's fault: run again once space returns
      const message = errorMessage(error);
      try {
        await jobs.finish(jobId, { status: "failed", error: message }, this.iso());
      } finally {
        bus.publish(checkId, "failed", { checkId, error: message });
      }
    }
  }

  /** Space may be back: resumes the queue if it could not start, hands the stalled jobs back, fills the slots. */
  private async recover(): Promise<void> {
    if (this.stopped) return;
    await this.start();
    for (const id of [...this.stalled]) {
      await this.deps.jobs.requeue(id, this.iso());
      this.stalled.delete(id);
    }
    await this.pump();
  }

  private publishDone(channelId: string, checkId: string, report: Report | null): void {
    this.deps.bus.publish(channelId, "done", { checkId, url: report?.url ?? null, version: report?.version ?? null });
  }

  /** Runs `work` with no other enqueue in between (join-or-queue must not race). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.catch(() => {});
    return next;
  }

  private iso(): string {
    return this.now().toISOString();
  }
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
