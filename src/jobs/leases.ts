// The SQLite dispatch: the jobs table is the queue. A job is claimed atomically and leased to one
// worker, which renews the lease while it runs; a job whose lease ran out (its worker was killed or
// froze) goes back to the queue. A failed run is queued again at once (SQLite has one machine and
// no scheduler to wait on; pg-boss waits with a backoff).
import type { Store } from "../store/db.js";
import { CheckRepository } from "../store/checks.js";
import { JobRepository, type Job, type NewJob } from "../store/jobs.js";
import type { DispatchSettings, JobDispatch, RunOutcome } from "./dispatch.js";

export class LeasedDispatch implements JobDispatch {
  readonly maxAttempts: number;
  readonly tendMs: number;
  private readonly jobs: JobRepository;
  private readonly checks: CheckRepository;

  constructor(
    store: Store,
    private readonly settings: DispatchSettings,
  ) {
    this.jobs = new JobRepository(store);
    this.checks = new CheckRepository(store);
    this.maxAttempts = settings.maxAttempts;
    this.tendMs = Math.max(50, Math.floor(settings.leaseMs / 3));
  }

  async start(): Promise<void> {}

  send(job: NewJob): Promise<boolean> {
    return this.jobs.insert(job);
  }

  async take(owner: string, limit: number): Promise<Job[]> {
    const taken: Job[] = [];
    for (const job of await this.jobs.queued(limit * 2)) {
      if (taken.length >= limit) break;
      const row = await this.checks.row(job.checkId);
      if (!(await this.jobs.claim(job.id, row?.version ?? 0, this.iso(), { owner, until: this.leaseUntil() }))) continue;
      const claimed = await this.jobs.get(job.id);
      if (claimed) taken.push(claimed);
    }
    return taken;
  }

  async tend(owner: string, running: string[]): Promise<Job[]> {
    await this.jobs.renew(owner, running, this.leaseUntil());
    const now = this.iso();
    const back: Job[] = [];
    for (const job of await this.jobs.expired(now)) {
      if (running.includes(job.id)) continue;
      // Only if its lease is still expired: a late renewal means its worker lives.
      if (await this.jobs.requeue(job.id, now, { expiredBy: now })) back.push(job);
    }
    return back;
  }

  async finish(owner: string, job: Job, outcome: RunOutcome): Promise<boolean> {
    if (outcome.status === "retry") return this.jobs.requeue(job.id, this.iso(), { owner });
    return this.jobs.finish(job.id, outcome, this.iso(), owner);
  }

  handBack(owner: string, job: Job): Promise<boolean> {
    return this.jobs.requeue(job.id, this.iso(), { owner });
  }

  async stop(): Promise<void> {}

  private leaseUntil(): string {
    return new Date(this.settings.now().getTime() + this.settings.leaseMs).toISOString();
  }

  private iso(): string {
    return this.settings.now().toISOString();
  }
}
