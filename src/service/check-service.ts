// A check from end to end: recognise a question asked before (reuse it while fresh,
// refresh it when stale or asked to), otherwise run the pipeline and publish the report.
import { randomUUID } from "node:crypto";
import { errorMessage } from "../domain/errors.js";
import { Report, reportPath } from "../domain/report.js";
import { acceptInput, type Submission } from "../domain/input.js";
import type { Analyst } from "../analysts/analyst.js";
import type { SourcePolicy } from "../sources/policy.js";
import type { SourceProvider } from "../sources/provider.js";
import type { HttpClient } from "../fetch/http-client.js";
import { CheckRepository } from "../store/checks.js";
import type { Store } from "../store/db.js";
import { SourceTextRepository } from "../store/source-texts.js";
import { runPipeline } from "../pipeline/runner.js";
import { lookupReport, type Lookup } from "./reuse.js";
import type { ProgressEvent } from "../domain/progress.js";

interface CheckOptions {
  /** Run afresh even when a fresh check of the same question exists. */
  fresh?: boolean;
  onEvent?: (event: ProgressEvent) => void;
  /** The id to give a new check (a job queue allocates it up front); a refreshed check keeps its own. */
  id?: string;
}

interface CheckOutcome {
  report: Report;
  reused: boolean;
}

export class CheckService {
  private readonly checks: CheckRepository;
  private readonly texts: SourceTextRepository;

  constructor(
    store: Store,
    private readonly analyst: Analyst,
    private readonly providers: SourceProvider[],
    private readonly web: { http?: HttpClient; policy?: SourcePolicy; wikidataUrl?: string } = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.checks = new CheckRepository(store);
    this.texts = new SourceTextRepository(store);
  }

  /** Runs a check of raw input to the end: the stored report when it is fresh, otherwise a new one. */
  async check(rawInput: string, options: CheckOptions = {}): Promise<CheckOutcome> {
    const submitted = await this.submit(acceptInput(rawInput), options);
    if ("reused" in submitted) return { report: submitted.reused, reused: true };
    return { report: await submitted.done, reused: false };
  }

  /** Whether a question asked before is answered from the archive (src/service/reuse.ts decides). */
  lookup(submission: Submission, options: { fresh?: boolean } = {}): Promise<Lookup> {
    return lookupReport(this.checks, submission, options, this.now());
  }

  /**
   * Starts a check without waiting for it: either the fresh stored report, or the id of
   * the check now running and a promise of its report.
   */
  async submit(submission: Submission, options: CheckOptions = {}): Promise<{ reused: Report } | { id: string; done: Promise<Report> }> {
    const { existing, reusable } = await this.lookup(submission, options);
    if (existing && reusable) {
      options.onEvent?.({ type: "reused", checkId: existing.id, checkedAt: existing.checkedAt });
      return { reused: existing };
    }

    const id = existing?.id ?? options.id ?? randomUUID();
    const startedAt = this.now().toISOString();
    if (existing) await this.checks.markRunning(id, startedAt);
    else await this.checks.startNew({ id, matchKey: submission.matchKey, inputText: submission.text, now: startedAt });
    return { id, done: this.run(id, submission.text, existing?.version ?? 0, options, existing?.editorial) };
  }
  private async run(
    id: string,
    input: string,
    previousVersion: number,
    options: CheckOptions,
    editorial?: Report["editorial"],
  ): Promise<Report> {
    try {
      const body = await runPipeline(input, {
        analyst: this.analyst,
        providers: this.providers,
        texts: this.texts,
        http: this.web.http,
        policy: this.web.policy,
        wikidataUrl: this.web.wikidataUrl,
        onEvent: options.onEvent,
        now: this.now,
      });
      // An editor's title and category outlive re-runs.
      const category = editorial?.category ?? body.category;
      const report = Report.parse({
        ...body,
        title: editorial?.title ?? body.title,
        category,
        ...(editorial ? { editorial } : {}),
        id,
        url: reportPath(category, body.slug, id),
        status: "done",
        version: previousVersion + 1,
      });
      await this.checks.publish(report);
      return report;
    } catch (error) {
      await this.checks.markFailed(id, errorMessage(error), this.now().toISOString());
      throw error;
    }
  }
}
