// A report as Markdown (CommonMark, plain enough for any viewer): the
// "classic" layout follows the report's sections; the "briefing" layout puts
// the answer first and turns every paragraph into a numbered finding.
// Report text is untrusted: it is escaped so it can neither change the
// document's structure nor smuggle in raw HTML or links.
import { CITATION_MARKER, type Report } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import { footerText, outline, type Outline, type ShownSource } from "./outline.js";
import type { Locale } from "../domain/locale.js";
import { t } from "./i18n/catalog.js";
import { formatConfidence, formatDate, stanceWord, verdictWord, type ReportLayout } from "./words.js";

const mdInline = escapeMarkdownInline;
const mdLine = escapeMarkdownLine;

interface MarkdownOptions {
  layout?: ReportLayout;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const shown = outline(report);
  const blocks = options.layout === "briefing" ? briefingBlocks(report, shown) : classicBlocks(report, shown);
  return blocks.join("\n\n") + "\n";
}

/** "(confidence 72%)" in the report's language. */
function confidenceNote(confidence: number, locale: Locale): string {
  return `(${t(locale, "report.confidence", { value: formatConfidence(confidence) })})`;
}

/** The lines under the title: the language notice when there is one, the date, the machine notice. */
function checkedLines(report: Report, shown: Outline): string[] {
  const { locale } = shown;
  const lines = [
    t(locale, "report.checkedOn", { date: mdInline(formatDate(report.checkedAt, locale)) }),
    `*${t(locale, "report.machineNotice")}*`,
  ];
  if (shown.unsupportedLanguage)
    lines.unshift(`*${mdInline(t(locale, "report.unsupportedLanguage", { language: shown.unsupportedLanguage }))}*`);
  return lines;
}

function classicBlocks(report: Report, shown: Outline): string[] {
  const { locale } = shown;
  const blocks: string[] = [heading(1, report.title || t(locale, "report.untitled"))];
  const submitted = shown.submitted;
  if (submitted !== null) blocks.push(`${t(locale, "report.submittedAs")} ${mdInline(submitted)}`);
  const verdict = t(locale, "report.verdict", { verdict: verdictWord(report.verdict.label, locale) });
  blocks.push(`**${verdict}** ${confidenceNote(report.verdict.confidence, locale)}`);
  if (report.verdict.headline.trim()) blocks.push(mdLine(report.verdict.headline));
  blocks.push(...checkedLines(report, shown));

  if (shown.listsClaims) {
    blocks.push(heading(2, t(locale, "heading.claims")));
    blocks.push(
      report.claims
        .map((claim) => {
          const verdict = claim.verdict
            ? ` — **${verdictWord(claim.verdict.label, locale)}** ${confidenceNote(claim.verdict.confidence, locale)}`
            : "";
          return `- ${mdLine(claim.text)}${verdict}`;
        })
        .join("\n"),
    );
  }

  for (const section of shown.sections) {
    blocks.push(heading(2, section.title), ...section.paragraphs.map(mdLine));
  }
  return [...blocks, ...closingBlocks(report, shown)];
}

function briefingBlocks(report: Report, shown: Outline): string[] {
  const { locale } = shown;
  const verdict = `${verdictWord(report.verdict.label, locale)} ${confidenceNote(report.verdict.confidence, locale)}`;
  const headline = report.verdict.headline.trim() ? `: ${mdInline(report.verdict.headline)}` : "";
  const blocks: string[] = [heading(1, report.title || t(locale, "report.untitled")), `**${verdict}${headline}**`];
  const submitted = shown.submitted;
  if (submitted !== null) blocks.push(`${t(locale, "report.submittedAs")} ${mdInline(submitted)}`);
  blocks.push(checkedLines(report, shown).join(" "));

  const findings = shown.findings;
  if (findings.length > 0) {
    blocks.push(heading(2, t(locale, "heading.findings")));
    findings.forEach((finding, i) => {
      blocks.push(`### ${i + 1}. ${escapeHeadingEnd(mdInline(finding.heading))}`, mdLine(finding.text));
    });
  }
  return [...blocks, ...closingBlocks(report, shown)];
}

/** Sources, follow-up questions and the provenance footer: the same in both layouts. */
function closingBlocks(report: Report, shown: Outline): string[] {
  const { locale } = shown;
  const blocks: string[] = [];
  if (shown.factChecks.length > 0) {
    blocks.push(heading(2, t(locale, "heading.factChecks")));
    blocks.push(
      shown.factChecks
        .map((f) => `- ${mdLine(f.summary)} ${/^https?:\/\//i.test(f.url) ? `<${encodeURI(f.url)}>` : mdInline(f.url)}`)
        .join("\n"),
    );
  }
  if (shown.sources.length > 0) {
    blocks.push(heading(2, t(locale, "heading.sources")));
    for (const source of shown.sources) blocks.push(...sourceBlocks(source, locale));
  }
  const questions = report.followUps.filter((f) => f.question.trim() !== "");
  if (questions.length > 0) {
    blocks.push(heading(2, t(locale, "heading.followUps")), questions.map((f) => `- ${mdLine(f.question)}`).join("\n"));
  }
  blocks.push("---", ...footerBlocks(report));
  return blocks;
}

function sourceBlocks({ source, details, location }: ShownSource, locale: Locale): string[] {
  const title = collapseWhitespace(source.title) || t(locale, "source.untitled");
  let line = `[${source.n}] `;
  line += details.length > 0 ? `${mdInline(title)} — ${details.map(mdInline).join(", ")}.` : endSentence(mdInline(title));
  if (location.kind === "web") line += ` <${location.href}>.`;
  else if (location.kind === "library") line += ` ${t(locale, "source.library", { id: mdInline(location.id) })}.`;
  else if (location.text) line += ` ${mdInline(location.text)}.`;
  line += ` ${t(locale, "source.stance", { stance: stanceWord(source.stance, locale) })}.`;
  const quotes = source.quotes.filter((q) => q.trim() !== "").map((q) => `> “${mdInline(q)}”`);
  return [line, ...quotes];
}

function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function footerBlocks(report: Report): string[] {
  const { made, about } = footerText(report, mdInline);
  return about ? [made, about] : [made];
}

function heading(level: number, text: string): string {
  return `${"#".repeat(level)} ${escapeHeadingEnd(mdLine(text))}`;
}

/** A closing run of "#" after a space would be eaten as an ATX heading's closing sequence. */
function escapeHeadingEnd(text: string): string {
  return text.replace(/(\s)(#+)$/, "$1\\$2");
}

/**
 * Escapes untrusted text for use inside a line of Markdown. Whitespace
 * (newlines included) is collapsed, so the text stays one block. Backslash,
 * backtick, emphasis characters and brackets are backslash-escaped, `<` becomes
 * `&lt;` (no raw HTML, no autolinks), but citation markers such as [1] are kept
 * as they are, and never allowed to open an inline link.
 */
function escapeMarkdownInline(text: string): string {
  const flat = collapseWhitespace(text);
  let out = "";
  let last = 0;
  for (const match of flat.matchAll(CITATION_MARKER)) {
    out += escapeChars(flat.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  out += escapeChars(flat.slice(last));
  return out.replace(/(\[\d{1,3}\])\(/g, "$1\\(");
}

/** As escapeMarkdownInline, for text that starts a line: also escapes what would make it a heading, quote, list, rule or link definition there. */
function escapeMarkdownLine(text: string): string {
  const out = escapeMarkdownInline(text);
  if (/^\[\d{1,3}\]:/.test(out) || /^[#>+\-=|~:]/.test(out)) return `\\${out}`;
  const ordered = /^(\d{1,9})([.)])/.exec(out);
  if (ordered) return `${ordered[1]}\\${out.slice(ordered[1]!.length)}`;
  return out;
}

function escapeChars(text: string): string {
  return text.replace(/[\\`*_[\]]/g, "\\$&").replace(/</g, "&lt;");
}
