// Watching a check: /progress/{id} shows the stages live (server-sent events with the
// script; a self-refresh without it) and turns into the report when it is done. A
// failed check says why and offers a retry.
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { collapseWhitespace, truncate } from "../../domain/text.js";
import { stageStates, STAGES, type CheckProgress, type StageName } from "../../service/progress.js";
import type { Web } from "../context.js";
import { notFoundPage } from "../respond.js";
import { MAX_INPUT_CHARS } from "../../domain/limits.js";

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

/** A submitted link (the only kind of input whose text Verity has to fetch). */
function isLink(input: string): boolean {
  return /^\s*(?:https?:\/\/|www\.)\S+\s*$/i.test(input);
}

/** A page that cannot be read (paywalled, blocking robots, gone) can still be checked from its text. */
function pasteForm() {
  return html`<form method="post" action="/checks" class="stack" data-testid="paste-form">
<label for="paste-input">Or paste the article's text instead</label>
<textarea id="paste-input" name="input" maxlength="${MAX_INPUT_CHARS}" required data-testid="paste-input"></textarea>
<button type="submit" class="secondary" data-testid="paste-button">Check the text</button></form>`;
}

export function progressRoutes(web: Web): Hono {
  return new Hono().get("/:id", async (c) => {
    const checkId = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/.test(checkId)) return notFoundPage(c);
    const progress = await web.services.progress.progressOf(checkId);
    if (!progress) return notFoundPage(c, "There is no check with this id.");
    if (progress.state === "done" && progress.reportUrl) return c.redirect(progress.reportUrl, 303);
    return progressPage(c, progress);
  });
}

function progressPage(c: Context, p: CheckProgress): Promise<Response> {
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
    ? html`<form method="post" action="/checks" data-testid="retry-form"><input type="hidden" name="input" value="${p.input}">
<button type="submit" data-testid="retry-button">Try again</button></form>`
    : ""
}
${p.input && !withdrawn && isLink(p.input) ? pasteForm() : ""}
</section>`;
    return c.render(body, { title: withdrawn ? "Not available" : "The check failed", noindex: true, pageClass: "page-progress" });
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
  return c.render(body, {
    title: `Checking: ${title}`,
    noindex: true,
    pageClass: "page-progress",
    head: html`<noscript><meta http-equiv="refresh" content="2"></noscript>`,
  });
}
