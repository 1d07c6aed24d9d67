// The job queue, the submitting side: checks submitted through the site or the API become
// durable jobs, sent through the dispatch (src/jobs/dispatch.ts: the store's jobs table on SQLite,
// pg-boss on PostgreSQL), which a worker runs (src/jobs/worker.ts): in a child process of
// `verity serve`, in `verity worker` processes, or inside this process when it is given one.
//
// - A submission first joins a queued or running job of the same question (same words,
//   ignoring case and punctuation), then reuses a fresh published report, and only
//   otherwise queues a new job (refreshing the stale check when there is one). One active job per
//   question is the one rule, kept by the jobs table's index on both databases; a submission the
//   dispatch refuses for it joins the job that holds the question.
// - Whoever runs the checks, their progress reaches this process's bus through the store's
//   event log (src/jobs/relay.ts), and from there the server-sent events and the page cache.
import { randomUUID } from "node:crypto";
import type { Report } from "../domain/report.js";
import { acceptInput } from "../domain/input.js";
import type { CheckService } from "../service/check-service.js";
import type { JobEventRepository } from "../store/job-events.js";
import type { Job, JobRepository } from "../store/jobs.js";
import type { JobDispatch } from "./dispatch.js";
import type { EventRelay } from "./relay.js";
import type { Worker } from "./worker.js";

export type EnqueueResult =
  { kind: "reused"; report: Report } | { kind: "job"; checkId: string; jobId: string; status: "queued" | "running"; joined: boolean };

interface JobQueueDeps {
  service: Pick<CheckService, "lookup">;
  jobs: JobRepository;
  dispatch: JobDispatch;
  events: JobEventRepository;
  relay: EventRelay;
  /** The worker inside this process, if checks run here. */
  worker: Worker | null;
  now?: () => Date;
}

export class JobQueue {
  private ready: Promise<void> | null = null;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: JobQueueDeps) {}

  /** How many checks run at once in this process (0: they run in worker processes). */
  get concurrency(): number {
    return this.deps.worker?.concurrency ?? 0;
  }

  /** Connects the dispatch, follows the event log and starts this process's worker, if any. Idempotent. */
  start(): Promise<void> {
    this.ready ??= Promise.all([this.deps.dispatch.start(), this.deps.relay.start(), this.deps.worker?.start()]).then(() => {});
    return this.ready;
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
      const { jobs, dispatch, events, service } = this.deps;
      const active = await jobs.findActiveByMatchKey(matchKey);
      if (active)
        return { kind: "job", checkId: active.checkId, jobId: active.id, status: active.status as "queued" | "running", joined: true };
      const { existing, reusable } = await service.lookup(submission, options);
      if (existing && reusable) return { kind: "reused", report: existing };
      const checkId = existing?.id ?? randomUUID();
      const jobId = randomUUID();
      // A stale or explicitly refreshed check is re-run; a new one would reuse a report published meanwhile.
      const inserted = await dispatch.send({
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
      await events.append(checkId, "queued", { checkId }, this.iso());
      return { kind: "job", checkId, jobId, status: "queued", joined: false };
    });
    if (result.kind === "job" && !result.joined) {
      // The pages that list it are dropped before the submitter is answered.
      await this.deps.relay.poll();
      if (!this.deps.worker) return result;
      await this.deps.worker.kick();
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

  /** Whether a check is running in this process. */
  get busy(): boolean {
    return this.deps.worker?.busy ?? false;
  }

  /** Resolves when this process's worker has nothing left to run and its events have reached the bus (tests, benchmarks). */
  async whenIdle(): Promise<void> {
    await this.start();
    await this.deps.worker?.whenIdle();
    await this.deps.relay.poll();
  }

  /**
   * Stops this process's worker (waiting for its running checks, at most `timeoutMs`; unfinished
   * ones go back to the queue) and stops following the event log.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.deps.worker?.stop(options);
    await this.deps.dispatch.stop();
    await this.deps.relay.poll().catch(() => {});
    await this.deps.relay.stop();
  }

  /** Runs `work` with no other enqueue in between (join-or-queue must not race). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.catch(() => {});
    return next;
  }

  private iso(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
