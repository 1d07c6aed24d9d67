// A report as HTML: a complete, self-contained HTML5 document (no scripts, no
// external resources), or just its <article> for the website to embed.
// Every piece of report text is untrusted and goes through escapeHtml; the
// only links are citations to sources of this report and http(s) source URLs.
import { CITATION_MARKER, claimAnchor, type Report } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import { escapeHtml } from "./escape.js";
import { footerText, outline, type ShownSource } from "./outline.js";
import { REPORT_BODY_CSS, REPORT_HEADINGS_CSS, REPORT_HEADLINE_CSS, VERDICT_COLOURS_CSS } from "./report-style.js";
import type { Locale } from "../domain/locale.js";
import { t } from "./i18n/catalog.js";
import { formatConfidence, formatDate, stanceWord, verdictWord, type ReportLayout } from "./words.js";

interface HtmlOptions {
  layout?: ReportLayout;
  /** A complete document (the default), or only the <article> fragment. */
  standalone?: boolean;
  /**
   * The website's rendering of a follow-up question inside its <li> (a link to its check,
   * or a form that starts one): trusted HTML, which must escape the question itself.
   * Default: the question as text.
   */
  followUp?: (question: string) => string;
  /** Mark the overall verdict badge with data-testid / data-verdict attributes (the website's stable selectors). */
  testIds?: boolean;
}

const STYLE = `
:root { color-scheme: light dark; --muted: #666; --line: #ddd; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
.report { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
${REPORT_HEADINGS_CSS}
.verdict { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; font-weight: 600; color: #fff; background: #6b7280; }
${VERDICT_COLOURS_CSS}
${REPORT_HEADLINE_CSS}
.meta, .notice, .submitted, .provenance, .source-meta, .stance { color: var(--muted); }
${REPORT_BODY_CSS}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const layout: ReportLayout = options.layout === "briefing" ? "briefing" : "classic";
  const article = renderArticle(report, layout, options.followUp, options.testIds === true);
  if (options.standalone === false) return article + "\n";
  const lang = outline(report).locale;
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="generator" content="Verity">',
    `<title>${escapeHtml(collapseWhitespace(report.title) || t(lang, "report.untitled"))} — Verity</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    article,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderArticle(
  report: Report,
  layout: ReportLayout,
  followUp: ((question: string) => string) | undefined,
  testIds: boolean,
): string {
  const sourceNumbers = new Set(report.sources.map((s) => s.n));
  const shown = outline(report);
  const locale = shown.locale;
  // A language Verity does not write in: the page is English, the reader's own words keep their language.
  const theirs = shown.unsupportedLanguage ? ` lang="${escapeHtml(report.language.trim())}"` : "";
  const parts: string[] = [
    `<article class="report report-${layout}" lang="${locale}">`,
    "<header>",
    `<h1${theirs}>${text(report.title) || t(locale, "report.untitled")}</h1>`,
  ];
  const badge = verdictBadge(report.verdict.label, report.verdict.confidence, locale, testIds);
  const headline = report.verdict.headline.trim() ? withCitations(report.verdict.headline, sourceNumbers) : "";
  const submitted = shown.submitted;
  const submittedLine =
    submitted !== null
      ? `<p class="submitted">${escapeHtml(t(locale, "report.submittedAs"))} <q${theirs}>${text(submitted)}</q></p>`
      : null;
  const date = `<time datetime="${escapeHtml(report.checkedAt)}">${text(formatDate(report.checkedAt, locale))}</time>`;
  const checked = `<p class="meta">${escapeHtml(t(locale, "report.checkedOn")).replace("{date}", date)}</p>`;
  const notices = [`<p class="notice">${escapeHtml(t(locale, "report.machineNotice"))}</p>`];
  if (shown.unsupportedLanguage) {
    notices.unshift(
      `<p class="notice language-notice">${escapeHtml(t(locale, "report.unsupportedLanguage", { language: shown.unsupportedLanguage }))}</p>`,
    );
  }
  const notice = notices.join("\n");

  if (layout === "briefing") {
    parts.push(`<p class="answer">${badge}${headline ? ` <strong>${headline}</strong>` : ""}</p>`);
    if (submittedLine) parts.push(submittedLine);
    parts.push(checked, notice, "</header>");
    const findings = shown.findings;
    if (findings.length > 0) {
      parts.push('<section class="findings">', `<h2>${escapeHtml(t(locale, "heading.findings"))}</h2>`);
      findings.forEach((finding, i) => {
        parts.push(
          `<div class="finding finding-${finding.sectionKind}">`,
          `<h3>${i + 1}. ${text(finding.heading)}</h3>`,
          `<p>${withCitations(finding.text, sourceNumbers)}</p>`,
          "</div>",
        );
      });
      parts.push("</section>");
    }
  } else {
    if (submittedLine) parts.push(submittedLine);
    parts.push(`<p class="verdict-line">${badge}</p>`);
    if (headline) parts.push(`<p class="headline">${headline}</p>`);
    parts.push(checked, notice, "</header>");
    if (shown.listsClaims) {
      parts.push('<section class="claims">', `<h2>${escapeHtml(t(locale, "heading.claims"))}</h2>`, "<ul>");
      for (const claim of report.claims) {
        const verdict = claim.verdict ? ` ${verdictBadge(claim.verdict.label, claim.verdict.confidence, locale)}` : "";
        parts.push(`<li id="${claimAnchor(claim.id)}">${text(claim.text)}${verdict}</li>`);
      }
      parts.push("</ul>", "</section>");
    }
    for (const section of shown.sections) {
      parts.push(`<section class="section section-${escapeHtml(section.kind)}">`, `<h2>${text(section.title)}</h2>`);
      for (const paragraph of section.paragraphs) parts.push(`<p>${withCitations(paragraph, sourceNumbers)}</p>`);
      parts.push("</section>");
    }
  }

  if (shown.factChecks.length > 0) {
    parts.push('<section class="fact-checks">', `<h2>${escapeHtml(t(locale, "heading.factChecks"))}</h2>`, "<ul>");
    for (const f of shown.factChecks) {
      const link = /^https?:\/\//i.test(f.url)
        ? ` <a href="${escapeHtml(encodeURI(f.url))}" rel="nofollow noopener">${text(f.title ?? t(locale, "factCheck.read"))}</a>`
        : "";
      parts.push(`<li>${text(f.summary)}${link}</li>`);
    }
    parts.push("</ul>", "</section>");
  }
  if (shown.sources.length > 0) {
    parts.push('<section class="sources" id="sources">', `<h2>${escapeHtml(t(locale, "heading.sources"))}</h2>`, "<ol>");
    for (const source of shown.sources) parts.push(sourceItem(source, locale));
    parts.push("</ol>", "</section>");
  }
  const questions = report.followUps.filter((f) => f.question.trim() !== "");
  if (questions.length > 0) {
    parts.push('<section class="follow-ups">', `<h2>${escapeHtml(t(locale, "heading.followUps"))}</h2>`, "<ul>");
    for (const f of questions) parts.push(`<li>${followUp ? followUp(collapseWhitespace(f.question)) : text(f.question)}</li>`);
    parts.push("</ul>", "</section>");
  }
  parts.push(footer(report, locale), "</article>");
  return parts.join("\n");
}

function verdictBadge(label: Report["verdict"]["label"], confidence: number, locale: Locale, marked = false): string {
  const marks = marked ? ` data-testid="verdict-badge" data-verdict="${escapeHtml(label)}"` : "";
  const stated = escapeHtml(t(locale, "report.confidence", { value: formatConfidence(confidence) }));
  return (
    `<span class="verdict verdict-${escapeHtml(label)}"${marks}>${escapeHtml(verdictWord(label, locale))}</span> ` +
    `<span class="confidence"${marked ? ' data-testid="verdict-confidence"' : ""}>${stated}</span>`
  );
}

function sourceItem({ source, details, location }: ShownSource, locale: Locale): string {
  const title = text(source.title) || escapeHtml(t(locale, "source.untitled"));
  let where: string;
  if (location.kind === "web") {
    where = `<a class="source-url" href="${escapeHtml(location.href)}" rel="nofollow noopener">${text(location.text)}</a>`;
  } else if (location.kind === "library") {
    where = `<span class="source-url">${text(t(locale, "source.library", { id: location.id }))}</span>`;
  } else {
    where = location.text ? `<span class="source-url">${text(location.text)}</span>` : "";
  }
  const lines = [
    `<li id="source-${source.n}" value="${source.n}">`,
    `<cite class="source-title">${title}</cite>${details.length > 0 ? ` <span class="source-meta">— ${details.map(text).join(", ")}</span>` : ""}`,
  ];
  if (where) lines.push(`<br>${where}`);
  const stance = t(locale, "source.stance", { stance: stanceWord(source.stance, locale) });
  lines.push(`<br><span class="stance stance-${escapeHtml(source.stance)}">${escapeHtml(stance)}</span>`);
  for (const quote of source.quotes) {
    if (quote.trim()) lines.push(`<blockquote>“${text(quote)}”</blockquote>`);
  }
  lines.push("</li>");
  return lines.join("\n");
}

/** Engine and timings are for the curious: behind a disclosure, out of the reader's text. */
function footer(report: Report, locale: Locale): string {
  const { made, about } = footerText(report, text, { unknownBlankEngine: true });
  const lines = [
    '<footer class="provenance">',
    `<details class="how-checked"><summary>${escapeHtml(t(locale, "heading.provenance"))}</summary><p>${made}</p></details>`,
  ];
  if (about) lines.push(`<p>${about}</p>`);
  lines.push("</footer>");
  return lines.join("\n");
}

/** Untrusted text as escaped HTML, whitespace collapsed. */
function text(value: string): string {
  return escapeHtml(collapseWhitespace(value));
}

/** Escaped text in which every [n] naming a source of the report links to it. */
function withCitations(value: string, sourceNumbers: ReadonlySet<number>): string {
  const flat = collapseWhitespace(value);
  let out = "";
  let last = 0;
  for (const match of flat.matchAll(CITATION_MARKER)) {
    const n = Number(match[1]);
    out += escapeHtml(flat.slice(last, match.index));
    out += sourceNumbers.has(n) ? `<a href="#source-${n}" class="cite">[${n}]</a>` : escapeHtml(match[0]);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(flat.slice(last));
}
