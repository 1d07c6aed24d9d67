// Small pieces of pages: the ask form, check lists, badges, pagination, the
// campaign widget. Every value goes through hono's escaping `html` template.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { CATEGORIES } from "../domain/categories.js";
import { MAX_INPUT_CHARS } from "../domain/limits.js";
import type { VerdictLabel } from "../domain/report.js";
import { escapeHtml } from "../render/escape.js";
import { formatConfidence, formatDate, showsConfidence, verdictWord } from "../render/words.js";
import type { CheckSummary } from "../service/archive.js";
import type { CampaignView } from "../service/campaign.js";

/** Markup built with hono's `html` (interpolations escaped), or trusted markup marked with `raw`. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Pieces of markup with a separator between them. */
export function joinHtml(parts: Html[], separator: string): Html {
  return html`${parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]))}`;
}

/** An href that is safe to print: a site path, or an http(s) URL; anything else becomes "#". */
function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^\/(?!\/)/.test(trimmed)) return trimmed;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
  } catch {
    // not a URL
  }
  return "#";
}

export function verdictBadge(label: VerdictLabel, confidence?: number): Html {
  return html`<span class="verdict verdict-${label}" data-verdict="${label}">${verdictWord(label)}</span>${
    confidence !== undefined && showsConfidence(label)
      ? html` <span class="confidence">${formatConfidence(confidence)} confidence</span>`
      : ""
  }`;
}

export function askForm(options: { value?: string; error?: string | null; heading?: boolean } = {}): Html {
  const limit = MAX_INPUT_CHARS.toLocaleString("en-US");
  return html`<section class="ask" aria-labelledby="ask-heading">
${options.heading === false ? "" : html`<h1 id="ask-heading">Check a question, a claim, a topic, a link or a text</h1>`}
<form id="ask-form" data-testid="ask-form" method="post" action="/checks">
<label for="ask-input">What should Verity check?</label>
<textarea id="ask-input" name="input" data-testid="ask-input" maxlength="${MAX_INPUT_CHARS}" required
 placeholder="e.g. Can local police refuse ICE detainer requests?" aria-describedby="ask-limit">${options.value ?? ""}</textarea>
${options.error ? html`<p class="error-box" role="alert" data-testid="ask-error">${options.error}</p>` : ""}
<div class="ask-row">
<p class="hint" id="ask-limit" data-testid="ask-limit">Up to ${limit} characters. <span id="ask-count" aria-live="polite"></span></p>
<button type="submit" id="ask-submit" data-testid="ask-submit">Check it</button>
</div>
</form>
</section>`;
}

/** A list of checks: verdict, title (linked), headline, date. */
export function checkList(items: CheckSummary[], options: { testId?: string; empty?: string } = {}): Html {
  if (items.length === 0) return html`<p class="muted">${options.empty ?? "No checks yet."}</p>`;
  return html`<ul class="checks"${options.testId ? html` data-testid="${options.testId}"` : ""}>
${items.map(
  (item) => html`<li class="check-item" data-check-id="${item.id}">
${verdictBadge(item.verdict, item.confidence)} <a class="title" href="${safeHref(item.url)}">${item.title || "Untitled"}</a>
<div class="meta"><a href="/category/${encodeURIComponent(item.category)}">${item.category}</a> · checked on <time datetime="${item.checkedAt}">${formatDate(item.checkedAt)}</time>${
    item.version > 1 ? html` · version ${item.version}` : ""
  }</div>
${item.snippet ? html`<p class="snippet">${highlight(item.snippet)}</p>` : item.headline ? html`<p class="snippet">${stripMarkers(item.headline)}</p>` : ""}
</li>`,
)}
</ul>`;
}

/** FTS snippet text with its match markers (\u0002 … \u0003) as <mark>. */
function highlight(snippet: string): Html {
  const escaped = escapeHtml(snippet.replace(/\s+/g, " "));
  return raw(
    escaped
      .replace(/\u0002/g, "<mark>")
      .replace(/\u0003/g, "</mark>")
      .replace(/[\u0000-\u0008]/g, ""),
  );
}

function stripMarkers(text: string): string {
  return text.replace(/\s*\[\d{1,3}\]/g, "");
}

export function pagination(page: number, total: number, pageSize: number, href: (page: number) => string): Html {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return html``;
  return html`<nav class="pagination" aria-label="Pages" data-testid="pagination">
<span>${page > 1 ? html`<a rel="prev" href="${href(page - 1)}" data-testid="page-prev">← Newer</a>` : ""}</span>
<span class="muted">Page ${page} of ${pages}</span>
<span>${page < pages ? html`<a rel="next" href="${href(page + 1)}" data-testid="page-next">Older →</a>` : ""}</span>
</nav>`;
}

export function categoryLinks(counts: Map<string, number>): Html {
  return html`<ul class="categories" data-testid="category-list">
${CATEGORIES.map((name) => html`<li><a href="/category/${name}">${name}</a> <span class="muted">${counts.get(name) ?? 0}</span></li>`)}
</ul>`;
}

export function campaignWidget(view: CampaignView): Html {
  const s = view.settings;
  const numbers =
    s.goalKind === "amount"
      ? html`<span data-testid="campaign-raised">${formatMoney(view.raisedCents, s.currency)}</span> raised of <span data-testid="campaign-goal">${formatMoney(Math.round(s.goal * 100), s.currency)}</span>`
      : html`<span data-testid="campaign-raised">${view.supporters}</span> of <span data-testid="campaign-goal">${s.goal}</span> supporters`;
  return html`<section class="campaign" id="campaign" data-testid="campaign-widget" aria-labelledby="campaign-title">
<h2 id="campaign-title">${s.title}</h2>
${s.description ? html`<p>${s.description}</p>` : ""}
<progress max="100" value="${view.percent}" aria-label="Campaign progress">${view.percent}%</progress>
<p class="numbers">${numbers} <span class="muted">(<span data-testid="campaign-percent">${view.percent}%</span>)</span></p>
<p class="muted">${view.supporters} ${view.supporters === 1 ? "supporter" : "supporters"}${
    view.timeLeft ? html` · <span data-testid="campaign-time-left">${view.timeLeft}</span>` : ""
  }</p>
${s.donationUrl && !view.ended ? html`<p><a class="button" href="${safeHref(s.donationUrl)}" rel="noopener" data-testid="campaign-donate">Donate</a></p>` : ""}
</section>`;
}

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(
      cents / 100,
    );
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}
