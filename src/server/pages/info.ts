// About, Methodology, FAQ, Terms and Privacy.
import { Hono } from "hono";
import { html } from "hono/html";
import { CATEGORIES, FRESHNESS_MS } from "../../domain/categories.js";
import { MAX_INPUT_CHARS } from "../../domain/limits.js";
import { VERDICT_LABELS } from "../../domain/report.js";
import { formatConfidence, verdictWord } from "../../render/words.js";
import { verdictBadge, type Html } from "../components.js";
import { RATING_VALUES } from "../jsonld.js";
import type { PageSpec } from "../layout.js";
import { measuredQuality, type MeasuredFigure, type MeasuredQuality } from "../measured-quality.js";
import { STAGE_LABELS } from "./progress.js";

const VERDICT_MEANINGS: Record<(typeof VERDICT_LABELS)[number], string> = {
  supported: "Reliable sources support the claim as stated.",
  refuted: "Reliable sources contradict the claim.",
  misleading: "True in part, but missing context that changes its meaning, or cherry-picked.",
  conflicting: "Reliable sources disagree with each other, and the evidence does not settle it.",
  unverified: "Not enough evidence was found either way. No evidence never means true.",
};

const STAGE_TEXT: Record<keyof typeof STAGE_LABELS, string> = {
  intake:
    "The input is classified (question, claim, topic, link or text), given a clean title, and turned into the checkable claims behind it: a question becomes the statement it implies; a pasted text or a page becomes its check-worthy claims. A category and the people, organisations and places named are picked.",
  plan: "Search queries are written for every claim, from three angles: what would support it, what would refute it, and the context around it.",
  gather:
    "Every enabled source is asked in parallel: the operator's library, Wikipedia, earlier professional fact-checks, and web search. Results are merged and de-duplicated; a source that fails is recorded, and the check goes on without it.",
  read: "The pages are fetched safely and their main text extracted and stored, so every quote can be checked again later. Pages that cannot be read are listed with the reason.",
  rank: "The texts are split into passages (a study's section labels left out), scored against each claim, and the best, most varied passages are kept. A passage whose meaning is not close to the claim's is never kept, whatever words it shares with it.",
  judge:
    "The stance of each passage towards each claim (supports, refutes, or neither) is read and weighed, giving a verdict and a confidence for each claim and for the whole. A passage that states a study's aim or method is context, not evidence of its finding.",
  write:
    "The report is written: the headline answer, the summary, the missing context and other viewpoints, the analysis of the statement's wording, and follow-up questions. Every factual sentence cites its source with [n].",
  audit:
    "Every [n] must point to a listed source, every quote must be found word for word in the stored text of its source, and every citing sentence must be carried by its quote. What fails is rewritten or dropped before the report is published.",
};

const decimal = (x: number) => x.toFixed(3);

/** The figures in runs of one dataset each, in the order of the results. */
function byDataset(figures: MeasuredFigure[]): MeasuredFigure[][] {
  const groups = new Map<string, MeasuredFigure[]>();
  for (const f of figures) groups.set(f.dataset, [...(groups.get(f.dataset) ?? []), f]);
  return [...groups.values()];
}

/** The analyst's measured record on public datasets; nothing when no results ship with this installation. */
export function measuredQualitySection(quality: MeasuredQuality | null): Html {
  if (!quality || quality.figures.length === 0) return html``;
  return html`<h2 id="accuracy">How accurate is it?</h2>
<p>Verity's own analyst, the one that works without a language model, is measured on public fact-verification datasets: each claim goes through the same stages as yours, with the dataset's evidence as the library. The figures are on the datasets' development splits, last measured on ${quality.date} (${quality.machine}). When this site uses a language model, the model judges, and these figures do not describe it.</p>
<div class="table-scroll"><table data-testid="measured-quality"><thead><tr><th>Dataset</th><th>Task</th><th>Measure</th><th>Verity</th><th>95% range</th><th>Published reference</th></tr></thead><tbody>${byDataset(
    quality.figures,
  ).map((figures) =>
    figures.map((f, i) => {
      const first =
        i === 0
          ? html`<td rowspan="${figures.length}">${f.dataset}<br><span class="muted">${f.split} · ${f.claims.toLocaleString("en-US")} claims</span></td><td rowspan="${figures.length}">${f.task}</td>`
          : html``;
      return html`<tr>${first}<td>${f.measure}</td><td><strong>${decimal(f.value)}</strong></td><td class="nowrap">${decimal(f.interval[0])}–${decimal(f.interval[1])}</td><td>${f.anchors.join("; ")}</td></tr>`;
    }),
  )}</tbody></table></div>
<p class="muted">The range is where the figure would fall on most other draws of as many claims (a bootstrap over the claims): a small dataset cannot measure finely.</p>${
    quality.calibration.length === 0
      ? html``
      : html`<h3>Is its confidence honest?</h3>
<p>How often its “supported” and “refuted” verdicts were right, against the confidence it stated for them on average:</p>
<table data-testid="measured-calibration"><thead><tr><th>Dataset</th><th>Verdicts right</th><th>Confidence stated</th></tr></thead><tbody>${quality.calibration.map(
          (k) =>
            html`<tr><td>${k.dataset}</td><td>${formatConfidence(k.shareRight)}</td><td>${formatConfidence(k.statedConfidence)}</td></tr>`,
        )}</tbody></table>`
  }`;
}

/** An information page: its text under its title. */
function info(title: string, path: string, description: string, content: Html): [Html, PageSpec] {
  return [
    html`<article class="prose" data-testid="info-page"><h1>${title}</h1>${content}</article>`,
    { title, canonicalPath: path, description, pageClass: "page-info" },
  ];
}

export function infoRoutes(): Hono {
  const app = new Hono();

  app.get("/about", (c) =>
    c.render(
      ...info(
        "About Verity",
        "/about",
        "Verity is an open-source fact-checking desk: ask a question, watch the check, read a cited report.",
        html`<p>Verity is an open-source fact-checking desk and publication. A reader types a question, a claim, a topic, a link or a pasted text; Verity gathers evidence, weighs it, and publishes a permanent report with a verdict and its confidence, a summary, the missing context and other viewpoints, an analysis of how the statement is put, numbered sources with the exact passages quoted, and follow-up questions.</p>
<p>Every report is written by machine from the sources it cites. It can be wrong: the sources are there so that you can check it. Reports stay at the same address; when a check is refreshed, its earlier versions stay readable.</p>
<p>Reports are also available as JSON through the <a href="/api/openapi.json">API</a>, and as an <a href="/feed.xml">Atom feed</a>. See the <a href="/methodology">methodology</a> for how a check is made.</p>`,
      ),
    ),
  );

  app.get("/methodology", (c) => {
    const content = html`<p>Every check runs the same eight stages. You can watch them live after asking a question.</p>
<ol>${Object.entries(STAGE_LABELS).map(([stage, label]) => html`<li><strong>${label}.</strong> ${STAGE_TEXT[stage as keyof typeof STAGE_TEXT]}</li>`)}</ol>
<h2>What the verdicts mean</h2>
<dl class="verdicts" data-testid="verdict-meanings">${VERDICT_LABELS.map(
      (label) =>
        html`<dt>${verdictBadge(label)}</dt><dd>${VERDICT_MEANINGS[label]} <span class="muted">(Rating ${RATING_VALUES[label]} of 5 for search engines, “${verdictWord(label)}”.)</span></dd>`,
    )}</dl>
<p>A question is answered <em>Yes</em>, <em>No</em>, <em>Partly</em> or <em>Unclear</em> in the headline, followed by the gist.</p>
<h2>What Verity's own analyst reads</h2>
<p>Without a language model, Verity reads with small models that run on the server and need no network:</p>
<ul>
<li><strong>A sentence encoder</strong> (Google's Universal Sentence Encoder lite, shipped with Verity) turns the claim and every passage into a vector that stands for its meaning. A passage whose meaning is not close to the claim's is treated as not about it, and is never cited. When nothing consulted is about the claim, the report says so, cites nothing, and leaves the claim unverified.</li>
<li><strong>A re-ranker and a rationale model</strong>, trained on the public SciFact and Check-COVID training sets, say which documents are about the claim and which sentence in them states the finding the claim is about, rather than a study's aim or method.</li>
<li><strong>A stance model</strong>, trained on about 53,000 public claim–evidence pairs whose licences allow it (FEVER, VitaminC, SNLI, Fool Me Twice, WiCE, SciFact and Check-COVID), says whether a passage supports the claim, refutes it, or does neither. It has also met near misses, sentences on a claim's topic that do not answer it, as neither. A passage takes a side only when one side is clearly the likelier, never on a coin flip. It reads meaning and negation, but it does not reason: it misreads quantities, dates and multi-step arguments, and it reads English only.</li>
</ul>
<p>Its figures on public datasets are below, with how often its verdicts were right.</p>
<h2>Confidence</h2>
<p>The confidence (0–100%) says how strongly the evidence found backs the verdict: it falls when the sources are few, weak or split. Without a language model, Verity's own analyst never goes above 85%, and its confidence is calibrated: a verdict stated at 60% should be right about 60% of the time.</p>
<h2>Sources</h2>
<p>Each source is listed with its publisher, author and date when known, when it was read, its stance towards the claim, and the passages quoted. The operator may add a reliability note to a domain, shown beside its sources. Pages submitted for checking are never used as evidence for their own claims.</p>
<h2>Freshness</h2>
<p>Facts change. A report older than its category's window shows a banner and can be re-checked; the earlier version stays readable.</p>
<table data-testid="freshness-table"><thead><tr><th>Category</th><th>Re-check offered after</th></tr></thead><tbody>${CATEGORIES.map(
      (name) => html`<tr><td><a href="/category/${name}">${name}</a></td><td>${Math.round(FRESHNESS_MS[name] / 86_400_000)} days</td></tr>`,
    )}</tbody></table>${measuredQualitySection(measuredQuality())}`;
    return c.render(...info("Methodology", "/methodology", "How Verity checks a claim, and what its verdicts mean.", content));
  });

  app.get("/faq", (c) => {
    const qa: [string, Html][] = [
      ["Who writes the reports?", html`A machine, from the sources it cites. Read the sources before relying on a report.`],
      [
        "What can I ask?",
        html`A question, a claim, a topic, a link to a page, or a pasted text of up to ${MAX_INPUT_CHARS.toLocaleString("en-US")} characters.`,
      ],
      [
        "Why did I get an existing report?",
        html`The same question (ignoring case and punctuation) was checked recently, so Verity shows that report. When it is older than its category's freshness window, you can re-check it.`,
      ],
      [
        "How long does a check take?",
        html`From a few seconds to a few minutes, depending on the sources consulted. The progress page shows each stage.`,
      ],
      ["Can I find my checks again?", html`Yes: <a href="/mine">Your checks</a> lists the checks asked from this browser.`],
      [
        "What does “unverified” mean?",
        html`That not enough evidence was found. It never means true. See the <a href="/methodology">methodology</a>.`,
      ],
      [
        "A report is wrong. What can I do?",
        html`Say so with the “Was this helpful?” vote, and contact the operator of this site: editors can correct the title or category, re-run the check, or withdraw it.`,
      ],
      ["Is there an API?", html`Yes: see the <a href="/api/openapi.json">OpenAPI document</a>.`],
    ];
    const content = html`<dl class="faq">${qa.map(([q, a]) => html`<dt><strong>${q}</strong></dt><dd>${a}</dd>`)}</dl>`;
    return c.render(...info("Frequently asked questions", "/faq", "Answers about Verity's reports, verdicts and checks.", content));
  });

  app.get("/terms", (c) =>
    c.render(
      ...info(
        "Terms of use",
        "/terms",
        "The terms of using Verity.",
        html`<p>Verity's reports are machine-written summaries of the sources they cite. They are provided as they are, without warranty, and are not legal, medical or financial advice.</p>
<p>What you submit for checking is published as part of a public report (“Submitted as”). Do not submit personal information about yourself or others, or anything you may not share.</p>
<p>Do not use the site to harass anyone, and do not overload it: submissions and votes are rate-limited per client.</p>
<p>The quoted passages belong to their publishers and are quoted to support the report's statements. Verity's own software is open source.</p>`,
      ),
    ),
  );

  app.get("/privacy", (c) =>
    c.render(
      ...info(
        "Privacy",
        "/privacy",
        "What Verity stores about its readers.",
        html`<p>Verity has no accounts and no trackers. It uses these cookies, all first-party:</p>
<ul>
<li><code>verity_mine</code>: the ids of the checks asked from this browser, for <a href="/mine">Your checks</a>. You can clear it there.</li>
<li><code>verity_vid</code>: a random id set when you vote, so that one browser counts once per report.</li>
<li><code>verity_admin</code>: only for the site's editors, after signing in.</li>
</ul>
<p>Your IP address is used in memory to limit the rate of submissions and votes; it is not stored. The text you submit is published in the report it produces. Votes are stored with the random id above, not with your address.</p>`,
      ),
    ),
  );

  return app;
}
