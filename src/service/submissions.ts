// What a request to check becomes: a question asked (the job queue joins, reuses or
// queues), a reader's re-check of a stale report, or an editor's re-run.
import { isStale } from "../domain/categories.js";
import { BadInputError } from "../domain/errors.js";
import type { Report } from "../domain/report.js";
import type { EnqueueResult, JobQueue } from "../jobs/queue.js";
import type { CheckRepository } from "../store/checks.js";
import type { Archive } from "./archive.js";

export type { EnqueueResult };

export class Submissions {
  constructor(
    private readonly queue: JobQueue,
    private readonly archive: Archive,
    private readonly checks: CheckRepository,
    private readonly now: () => Date,
  ) {}

  /** Joins the running check of the same question, answers with its fresh report, or queues a check. */
  ask(input: string, options: { fresh?: boolean } = {}): Promise<EnqueueResult> {
    return this.queue.enqueue(input, options);
  }

  /** A published report, and whether it is due a re-check (older than its category's freshness window). */
  async dueForRecheck(id: string): Promise<{ report: Report; due: boolean } | null> {
    const report = await this.archive.report(id);
    return report ? { report, due: isStale(report.category, report.checkedAt, this.now().getTime()) } : null;
  }

  /** Checks a report's question again; it keeps its address and gains a version. */
  recheck(report: Report): Promise<EnqueueResult> {
    return this.queue.enqueue(report.input.text, { fresh: true });
  }

  /** An editor's re-run of a check, fresh or not; null when there is no such check. */
  async rerun(id: string): Promise<EnqueueResult | null> {
    const report = await this.checks.get(id);
    if (!report) return null;
    if ((await this.checks.row(id))?.status === "unpublished") throw new BadInputError("republish the check before re-running it");
    return this.recheck(report);
  }
}
