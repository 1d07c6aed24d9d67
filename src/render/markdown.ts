// A report as Markdown (CommonMark, plain enough for any viewer): the
// "classic" layout follows the report's sections; the "briefing" layout puts
// the answer first and turns every paragraph into a numbered finding.
// Report text is untrusted: it is escaped so it can neither change the
// document's structure nor smuggle in raw HTML or links.
import { CITATION_MARKER, type Report, type Source } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import {
  HEADINGS,
  factCheckSummary,
  MACHINE_NOTICE,
  aboutParts,
  briefingFindings,
  formatConfidence,
  formatDate,
  formatMs,
  orderedSections,
  provenanceSummary,
  shouldListClaims,
  sourceDetails,
  sourceLocation,
  stanceWord,
  submittedText,
  verdictWord,
  type Layout,
} from "./words.js";

const mdInline = escapeMarkdownInline;
const mdLine = escapeMarkdownLine;

export interface MarkdownOptions {
  layout?: Layout;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const blocks = options.layout === "briefing" ? briefingBlocks(report) : classicBlocks(report);
  return blocks.join("\n\n") + "\n";
}

function classicBlocks(report: Report): string[] {
  const blocks: string[] = [heading(1, report.title || "Untitled report")];
  const submitted = submittedText(report);
  if (submitted !== null) blocks.push(`Submitted as: ${mdInline(submitted)}`);
  blocks.push(`**Verdict: ${verdictWord(report.verdict.label)}** (confidence ${formatConfidence(report.verdict.confidence)})`);
  if (report.verdict.headline.trim()) blocks.push(mdLine(report.verdict.headline));
  blocks.push(`Checked on ${mdInline(formatDate(report.checkedAt))}.`, `*${MACHINE_NOTICE}*`);

  if (shouldListClaims(report)) {
    blocks.push(heading(2, HEADINGS.claims));
    blocks.push(
      report.claims
        .map((claim) => {
          const verdict = claim.verdict
            ? ` — **${verdictWord(claim.verdict.label)}** (confidence ${formatConfidence(claim.verdict.confidence)})`
            : "";
          return `- ${mdLine(claim.text)}${verdict}`;
        })
        .join("\n"),
    );
  }

  for (const section of orderedSections(report)) {
    blocks.push(heading(2, section.title), ...section.paragraphs.map(mdLine));
  }
  return [...blocks, ...closingBlocks(report)];
}

function briefingBlocks(report: Report): string[] {
  const verdict = `${verdictWord(report.verdict.label)} (confidence ${formatConfidence(report.verdict.confidence)})`;
  const headline = report.verdict.headline.trim() ? `: ${mdInline(report.verdict.headline)}` : "";
  const blocks: string[] = [heading(1, report.title || "Untitled report"), `**${verdict}${headline}**`];
  const submitted = submittedText(report);
  if (submitted !== null) blocks.push(`Submitted as: ${mdInline(submitted)}`);
  blocks.push(`Checked on ${mdInline(formatDate(report.checkedAt))}. *${MACHINE_NOTICE}*`);

  const findings = briefingFindings(report);
  if (findings.length > 0) {
    blocks.push(heading(2, HEADINGS.findings));
    findings.forEach((finding, i) => {
      blocks.push(`### ${i + 1}. ${escapeHeadingEnd(mdInline(finding.heading))}`, mdLine(finding.text));
    });
  }
  return [...blocks, ...closingBlocks(report)];
}

/** Sources, follow-up questions and the provenance footer: the same in both layouts. */
function closingBlocks(report: Report): string[] {
  const blocks: string[] = [];
  if (report.factChecks.length > 0) {
    blocks.push(heading(2, HEADINGS.factChecks));
    blocks.push(
      report.factChecks
        .map((f) => `- ${mdLine(factCheckSummary(f))} ${/^https?:\/\//i.test(f.url) ? `<${encodeURI(f.url)}>` : mdInline(f.url)}`)
        .join("\n"),
    );
  }
  if (report.sources.length > 0) {
    blocks.push(heading(2, HEADINGS.sources));
    for (const source of report.sources) blocks.push(...sourceBlocks(source));
  }
  const questions = report.followUps.filter((f) => f.question.trim() !== "");
  if (questions.length > 0) {
    blocks.push(heading(2, HEADINGS.followUps), questions.map((f) => `- ${mdLine(f.question)}`).join("\n"));
  }
  blocks.push("---", ...footerBlocks(report));
  return blocks;
}

function sourceBlocks(source: Source): string[] {
  const title = collapseWhitespace(source.title) || "Untitled source";
  const details = sourceDetails(source);
  let line = `[${source.n}] `;
  line += details.length > 0 ? `${mdInline(title)} — ${details.map(mdInline).join(", ")}.` : endSentence(mdInline(title));
  const location = sourceLocation(source.url);
  if (location.kind === "web") line += ` <${location.href}>.`;
  else if (location.kind === "library") line += ` Local library: ${mdInline(location.id)}.`;
  else if (location.text) line += ` ${mdInline(location.text)}.`;
  line += ` Stance: ${stanceWord(source.stance)}.`;
  const quotes = source.quotes.filter((q) => q.trim() !== "").map((q) => `> “${mdInline(q)}”`);
  return [line, ...quotes];
}

function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function footerBlocks(report: Report): string[] {
  const p = provenanceSummary(report);
  let made = `Engine: ${mdInline(p.engine || "unknown")}`;
  if (p.model) made += `, model: ${mdInline(p.model)}`;
  if (p.fallback) made += `, fallback: ${mdInline(p.fallback)}`;
  if (p.codeVersion) made += `, Verity ${mdInline(p.codeVersion)}`;
  made += ".";
  const stages = p.timings.map((t) => `${mdInline(t.stage)} ${formatMs(t.ms)}`);
  const timings = `Timings: ${[...stages, `total ${formatMs(p.totalMs)}`].join(", ")}.`;
  const blocks = [`${made} ${timings}`];
  const about = aboutParts(report);
  const aboutText = [
    about.category ? `Category: ${mdInline(about.category)}.` : "",
    about.entities.length > 0 ? `Mentions: ${about.entities.map(mdInline).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  if (aboutText) blocks.push(aboutText);
  return blocks;
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
export function escapeMarkdownInline(text: string): string {
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
export function escapeMarkdownLine(text: string): string {
  const out = escapeMarkdownInline(text);
  if (/^\[\d{1,3}\]:/.test(out) || /^[#>+\-=|~:]/.test(out)) return `\\${out}`;
  const ordered = /^(\d{1,9})([.)])/.exec(out);
  if (ordered) return `${ordered[1]}\\${out.slice(ordered[1]!.length)}`;
  return out;
}

function escapeChars(text: string): string {
  return text.replace(/[\\`*_[\]]/g, "\\$&").replace(/</g, "&lt;");
}
