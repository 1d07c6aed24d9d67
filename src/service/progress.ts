// Where a check stands: queued, running, done or failed, with its progress events so
// far and each stage's state. The progress page and the JSON API show the same state.
import type { ProgressBus } from "../jobs/bus.js";
import type { JobQueue } from "../jobs/queue.js";
import { STAGES, type StageName } from "../domain/progress.js";
import type { CheckRepository } from "../store/checks.js";
import type { Job, JobRepository, JobStatus, StoredProgressEvent } from "../store/jobs.js";
import type { Archive } from "./archive.js";

export { STAGES };
export type { Job, StageName, StoredProgressEvent };

type CheckState = "queued" | "running" | "done" | "failed";

export interface CheckProgress {
  checkId: string;
  state: CheckState;
  input: string;
  events: StoredProgressEvent[];
  error: string | null;
  /** The report's page, once done. */
  reportUrl: string | null;
  job: Job | null;
}

interface StageState {
  state: "pending" | "running" | "done";
  detail: string | null;
}

export class Progress {
  constructor(
    private readonly deps: { queue: JobQueue; bus: ProgressBus; jobs: JobRepository; checks: CheckRepository; archive: Archive },
  ) {}

  /** Where a check stands: its newest job, else the check itself (checks made by the CLI have no job). */
  async progressOf(checkId: string): Promise<CheckProgress | null> {
    const { queue, bus, checks, archive } = this.deps;
    const job = await queue.latestJob(checkId);
    const row = await checks.row(checkId);
    if (!job && !row) return null;
    if (job) {
      const published = job.status === "done" ? await archive.report(job.resultCheckId ?? checkId) : null;
      return {
        checkId,
        state: job.status,
        input: job.input,
        events: bus.isLive(checkId) ? this.liveEvents(checkId) : job.events,
        error: job.error,
        reportUrl: published?.url ?? null,
        job,
      };
    }
    const published = await archive.report(checkId);
    const state: CheckState = row!.status === "running" ? "running" : published ? "done" : "failed";
    return { checkId, state, input: "", events: [], error: row!.error, reportUrl: published?.url ?? null, job: null };
  }

  /** The newest job of a check (a re-check of a published report shows as its job). */
  latestJob(checkId: string): Promise<Job | null> {
    return this.deps.queue.latestJob(checkId);
  }

  /** The newest job of each of these checks, by check id. */
  latestJobs(checkIds: string[]): Promise<Map<string, Job>> {
    return this.deps.jobs.latestForChecks(checkIds);
  }

  /** How many jobs are in each state. */
  jobCounts(): Promise<Record<JobStatus, number>> {
    return this.deps.jobs.counts();
  }

  /** The events of the run going on in this process, as stored. */
  private liveEvents(checkId: string): StoredProgressEvent[] {
    const followed = this.deps.bus.follow(checkId, 0, () => {});
    followed?.unsubscribe();
    return (followed?.replay ?? []).map((m) => ({ ...m.data, type: m.type }));
  }
}

/** The stage a check is in: the last one started, else the one its job recorded. */
export function currentStage(progress: CheckProgress): string | null {
  const lastStarted = [...progress.events].reverse().find((e) => e.type === "stage-started");
  return typeof lastStarted?.stage === "string" ? lastStarted.stage : (progress.job?.stage ?? null);
}

/** Each stage's state and latest detail, from the events so far. */
export function stageStates(events: StoredProgressEvent[]): Map<StageName, StageState> {
  const states = new Map<StageName, StageState>(STAGES.map((s) => [s, { state: "pending", detail: null }]));
  for (const e of events) {
    const stage = e.stage as StageName | undefined;
    if (!stage || !states.has(stage)) continue;
    if (e.type === "stage-started") states.set(stage, { state: "running", detail: states.get(stage)!.detail });
    if (e.type === "stage-finished") states.set(stage, { state: "done", detail: typeof e.detail === "string" ? e.detail : null });
  }
  return states;
}
