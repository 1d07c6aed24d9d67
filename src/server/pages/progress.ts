// Watching a check: /progress/{id} shows the stages live (server-sent events with the
// script; a self-refresh without it) and turns into the report when it is done. A
// failed check says why and offers a retry. Once intake has told the input's language, the page
// speaks it (the site's chrome around it stays English); before that, and for a language Verity does
// not write in, it is English. Stage details (the pipeline's own notes) are shown in English pages only.
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { collapseWhitespace, truncate } from "../../domain/text.js";
import { stageStates, STAGES, type CheckProgress, type StageName } from "../../service/progress.js";
import type { Web } from "../context.js";
import { notFoundPage } from "../respond.js";
import { MAX_INPUT_CHARS } from "../../domain/limits.js";
import { LOCALES, localeOf, type Locale } from "../../domain/locale.js";
import { t } from "../../render/i18n/catalog.js";

/** The stages' names as the (English) methodology page lists them. */
export const STAGE_LABELS = Object.fromEntries(STAGES.map((stage) => [stage, t("en", `stage.${stage}`)])) as Record<StageName, string>;

/** A submitted link (the only kind of input whose text Verity has to fetch). */
function isLink(input: string): boolean {
  return /^\s*(?:https?:\/\/|www\.)\S+\s*$/i.test(input);
}

/** A page that cannot be read (paywalled, blocking robots, gone) can still be checked from its text. */
function pasteForm(locale: Locale) {
  return html`<form method="post" action="/checks" class="stack" data-testid="paste-form">
<label for="paste-input">${t(locale, "progress.paste")}</label>
<textarea id="paste-input" name="input" maxlength="${MAX_INPUT_CHARS}" required data-testid="paste-input"></textarea>
<button type="submit" class="secondary" data-testid="paste-button">${t(locale, "progress.pasteButton")}</button></form>`;
}

/** The check's language, once intake has said it; English until then. */
function localeOfCheck(p: CheckProgress): Locale {
  const said = [...p.events].reverse().find((e) => e.type === "language");
  return localeOf(said && typeof said.language === "string" ? said.language : "en");
}

/** "Checking: reading the question…": English puts the stage's name in lower case after its colon. */
function runningText(locale: Locale, stage: StageName): string {
  const name = t(locale, `stage.${stage}`);
  return t(locale, "progress.running", { stage: locale === "en" ? name.toLowerCase() : name });
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
  const locale = localeOfCheck(p);
  const title = p.input ? truncate(collapseWhitespace(p.input), 140) : "Your check";
  if (p.state === "failed" || (p.state === "done" && !p.reportUrl)) {
    const withdrawn = p.state === "done";
    const heading = t(locale, withdrawn ? "progress.withdrawn" : "progress.failed");
    const body = html`<section class="progress progress-failed" data-testid="progress" data-status="failed" lang="${locale}">
<h1>${heading}</h1>
${p.input ? html`<p class="submitted">${t(locale, "report.submittedAs")} <q>${title}</q></p>` : ""}
<p class="error-box" role="alert" data-testid="progress-error">${
      withdrawn
        ? t(locale, "progress.withdrawnReason")
        : t(locale, "progress.error", { error: p.error ?? t(locale, "progress.unknownError") })
    }</p>
${
  p.input && !withdrawn
    ? html`<form method="post" action="/checks" data-testid="retry-form"><input type="hidden" name="input" value="${p.input}">
<button type="submit" data-testid="retry-button">${t(locale, "progress.retry")}</button></form>`
    : ""
}
${p.input && !withdrawn && isLink(p.input) ? pasteForm(locale) : ""}
</section>`;
    return c.render(body, { title: heading, noindex: true, pageClass: "page-progress" });
  }
  const states = stageStates(p.events);
  const sources = [...p.events].reverse().find((e) => e.type === "sources-found");
  const passages = [...p.events].reverse().find((e) => e.type === "passages-kept");
  const running = [...states.entries()].find(([, s]) => s.state === "running");
  const statusText =
    p.state === "queued" ? t(locale, "progress.waiting") : running ? runningText(locale, running[0]) : t(locale, "progress.started");
  const stateWord = {
    done: t(locale, "progress.state.done"),
    running: t(locale, "progress.state.running"),
    pending: t(locale, "progress.state.waiting"),
  };
  const [hintBefore, hintAfter] = t(locale, "progress.hint").split("{refresh}");
  // The script says what comes next in the page's words, and reloads the page once the check's language is known.
  const body = html`<section class="progress" data-progress-for="${p.checkId}" data-testid="progress" data-status="${p.state}" lang="${locale}"
data-locale="${locale}" data-locales="${LOCALES.join(" ")}" data-say-waiting="${t(locale, "progress.waiting")}" data-say-started="${t(locale, "progress.started")}"
data-say-running="${t(locale, "progress.running")}" data-say-lower="${locale === "en" ? "yes" : "no"}" data-say-done="${t(locale, "progress.done")}"
data-say-sources="${t(locale, "progress.sources")}" data-say-passages="${t(locale, "progress.passages")}"
data-say-state-done="${stateWord.done}" data-say-state-running="${stateWord.running}" data-say-state-waiting="${stateWord.pending}" data-say-details="${locale === "en" ? "yes" : "no"}">
<h1>${t(locale, "progress.checking", { title })}</h1>
<p id="progress-status" class="status-line" data-testid="progress-status" aria-live="polite">${statusText}</p>
<ol class="stages" data-testid="progress-stages">
${STAGES.map((stage) => {
  const s = states.get(stage)!;
  return html`<li class="stage" data-stage="${stage}" data-state="${s.state}" data-testid="stage-${stage}">
<span class="name">${t(locale, `stage.${stage}`)}</span> <span class="state">${stateWord[s.state]}</span><span class="detail">${locale === "en" ? (s.detail ?? "") : ""}</span></li>`;
})}
</ol>
<p class="muted"><span id="progress-sources">${sources ? t(locale, "progress.sources", { count: String(sources.count) }) : ""}</span> <span id="progress-passages">${
    passages ? t(locale, "progress.passages", { count: String(passages.count) }) : ""
  }</span></p>
<p class="hint">${hintBefore}<a href="/progress/${p.checkId}" data-testid="progress-refresh">${t(locale, "progress.refresh")}</a>${hintAfter ?? ""}</p>
</section>`;
  return c.render(body, {
    title: t(locale, "progress.checking", { title }),
    noindex: true,
    pageClass: "page-progress",
    head: html`<noscript><meta http-equiv="refresh" content="2"></noscript>`,
  });
}
