// Asking and watching: POST /checks (the ask form) → the progress page, which shows
// the stages live (server-sent events with the script; a self-refresh without it)
// and turns into the report when it is done. A failed check says why and offers a retry.
import type { Hono } from "hono";
import { isStale } from "../../domain/categories.js";
import { BadInputError, errorMessage } from "../../domain/errors.js";
import { STAGES, type StageName } from "../../pipeline/types.js";
import { collapseWhitespace, truncate } from "../../domain/text.js";
import type { Job, StoredProgressEvent } from "../../store/jobs.js";
import type { AppContext, AppEnv, Site } from "../context.js";
import { csrfField } from "../components.js";
import { html } from "hono/html";
import { addToMine, notFoundPage, rateLimited, readForm, sendPage } from "../respond.js";
import { clientAddress } from "../security.js";
import { renderHome } from "./home.js";

export const STAGE_LABELS: Record<StageName, string> = {
  intake: "Reading the question",
  plan: "Planning the searches",
  gather: "Gathering sources",
  read: "Reading the sources",
  rank: "Choosing the passages",
  judge: "Weighing the evidence",
  write: "Writing the report",
  audit: "Auditing every citation",
};

export type CheckState = "queued" | "running" | "done" | "failed";

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

/** Where a check stands: its newest job, else the check itself (checks made by the CLI have no job). */
export async function checkProgress(site: Site, checkId: string): Promise<CheckProgress | null> {
  const job = await site.queue.latestJob(checkId);
  const row = await site.verity.checks.row(checkId);
  if (!job && !row) return null;
  if (job) {
    const resultId = job.resultCheckId ?? checkId;
    const published = job.status === "done" ? await site.archive.getPublished(resultId) : null;
    const live = site.bus.isLive(checkId);
    return {
      checkId,
      state: job.status,
      input: job.input,
      events: live ? liveEvents(site, checkId) : job.events,
      error: job.error,
      reportUrl: published?.url ?? null,
      job,
    };
  }
  const published = await site.archive.getPublished(checkId);
  const state: CheckState = row!.status === "running" ? "running" : published ? "done" : "failed";
  return { checkId, state, input: "", events: [], error: row!.error, reportUrl: published?.url ?? null, job: null };
}

function liveEvents(site: Site, checkId: string): StoredProgressEvent[] {
  const followed = site.bus.follow(checkId, 0, () => {});
  followed?.unsubscribe();
  return (followed?.replay ?? []).map((m) => ({ ...m.data, type: m.type }));
}

/** Each stage's state and latest detail, from the events so far. */
export function stageStates(
  events: StoredProgressEvent[],
): Map<StageName, { state: "pending" | "running" | "done"; detail: string | null }> {
  const states = new Map<StageName, { state: "pending" | "running" | "done"; detail: string | null }>(
    STAGES.map((s) => [s, { state: "pending", detail: null }]),
  );
  for (const e of events) {
    const stage = e.stage as StageName | undefined;
    if (!stage || !states.has(stage)) continue;
    if (e.type === "stage-started") states.set(stage, { state: "running", detail: states.get(stage)!.detail });
    if (e.type === "stage-finished") states.set(stage, { state: "done", detail: typeof e.detail === "string" ? e.detail : null });
  }
  return states;
}

export function progressRoutes(app: Hono<AppEnv>, site: Site): void {
  app.post("/checks", async (c) => {
    const read = await readForm(c, site);
    if ("response" in read) return read.response;
    const limited = await rateLimited(c, site, site.limits.submissions, clientAddress(c, site.options.trustProxy), false);
    if (limited) return limited;
    const input = read.form.input ?? "";
    try {
      const result = await site.queue.enqueue(input);
      if (result.kind === "reused") {
        await addToMine(c, site, result.report.id);
        return c.redirect(result.report.url, 303);
      }
      await addToMine(c, site, result.checkId);
      return c.redirect(`/progress/${result.checkId}`, 303);
    } catch (error) {
      if (error instanceof BadInputError) return renderHome(c, site, { value: input, error: capitalise(errorMessage(error)) + "." }, 400);
      throw error;
    }
  });

  app.get("/progress/:id", async (c) => {
    const checkId = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/.test(checkId)) return notFoundPage(c, site);
    const progress = await checkProgress(site, checkId);
    if (!progress) return notFoundPage(c, site, "There is no check with this id.");
    if (progress.state === "done" && progress.reportUrl) return c.redirect(progress.reportUrl, 303);
    return renderProgress(c, site, progress);
  });

  // The stale banner's button: re-check a report older than its category's freshness window.
  app.post("/checks/:id/recheck", async (c) => {
    const read = await readForm(c, site);
    if ("response" in read) return read.response;
    const report = await site.archive.getPublished(c.req.param("id"));
    if (!report) return notFoundPage(c, site);
    if (!isStale(report.category, report.checkedAt, site.options.now().getTime())) return c.redirect(report.url, 303);
    const limited = await rateLimited(c, site, site.limits.submissions, clientAddress(c, site.options.trustProxy), false);
    if (limited) return limited;
    const result = await site.queue.enqueue(report.input.text, { fresh: true });
    if (result.kind === "reused") return c.redirect(result.report.url, 303);
    await addToMine(c, site, result.checkId);
    return c.redirect(`/progress/${result.checkId}`, 303);
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function renderProgress(c: AppContext, site: Site, p: CheckProgress): Promise<Response> {
  const title = p.input ? truncate(collapseWhitespace(p.input), 140) : "Your check";
  if (p.state === "failed" || (p.state === "done" && !p.reportUrl)) {
    const withdrawn = p.state === "done";
    const body = html`<section class="progress progress-failed" data-testid="progress" data-status="failed">
<h1>${withdrawn ? "This check is not available" : "The check failed"}</h1>
${p.input ? html`<p class="submitted">Submitted as: <q>${title}</q></p>` : ""}
<p class="error-box" role="alert" data-testid="progress-error">${
      withdrawn ? "The report was withdrawn by the editors." : html`Verity could not finish this check: ${p.error ?? "an unknown error"}.`
    }</p>
${
  p.input && !withdrawn
    ? html`<form method="post" action="/checks" data-testid="retry-form">${csrfField(c.get("csrf"))}<input type="hidden" name="input" value="${p.input}">
<button type="submit" data-testid="retry-button">Try again</button></form>`
    : ""
}
</section>`;
    return sendPage(c, site, { title: withdrawn ? "Not available" : "The check failed", body, noindex: true, pageClass: "page-progress" });
  }
  const states = stageStates(p.events);
  const sources = [...p.events].reverse().find((e) => e.type === "sources-found");
  const passages = [...p.events].reverse().find((e) => e.type === "passages-kept");
  const running = [...states.entries()].find(([, s]) => s.state === "running");
  const statusText =
    p.state === "queued" ? "Waiting for a free checker…" : running ? `Checking: ${STAGE_LABELS[running[0]].toLowerCase()}…` : "Checking…";
  const body = html`<section class="progress" data-progress-for="${p.checkId}" data-testid="progress" data-status="${p.state}">
<h1>Checking: ${title}</h1>
<p id="progress-status" class="status-line" data-testid="progress-status" aria-live="polite">${statusText}</p>
<ol class="stages" data-testid="progress-stages">
${STAGES.map((stage) => {
  const s = states.get(stage)!;
  return html`<li class="stage" data-stage="${stage}" data-state="${s.state}" data-testid="stage-${stage}">
<span class="name">${STAGE_LABELS[stage]}</span> <span class="state">${s.state === "done" ? "done" : s.state === "running" ? "running…" : "waiting"}</span><span class="detail">${s.detail ?? ""}</span></li>`;
})}
</ol>
<p class="muted"><span id="progress-sources">${sources ? `${String(sources.count)} sources found` : ""}</span> <span id="progress-passages">${
    passages ? `${String(passages.count)} passages kept` : ""
  }</span></p>
<p class="hint">A check takes from a few seconds to a few minutes. This page follows it and opens the report when it is ready; <a href="/progress/${p.checkId}" data-testid="progress-refresh">refresh</a> if it does not.</p>
</section>`;
  return sendPage(c, site, {
    title: `Checking: ${title}`,
    body,
    noindex: true,
    pageClass: "page-progress",
    head: html`<noscript><meta http-equiv="refresh" content="2"></noscript>`,
  });
}
