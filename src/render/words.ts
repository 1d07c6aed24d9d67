// What the Markdown and HTML renderers share: the words they print, how they
// format numbers and dates, and the decisions about what a report shows
// (section order, whether to repeat the input, the briefing's findings).
// Nothing here escapes anything: each renderer escapes for its own format.
import {
  CITATION_MARKER,
  SECTION_KINDS,
  SECTION_TITLES,
  type Report,
  type Section,
  type Source,
  type Stance,
  type VerdictLabel,
} from "../domain/report.js";
import { collapseWhitespace, splitSentences, truncate } from "../domain/text.js";

export type Layout = "classic" | "briefing";

export const VERDICT_WORDS: Record<VerdictLabel, string> = {
  supported: "Supported",
  refuted: "Refuted",
  misleading: "Misleading",
  conflicting: "Conflicting",
  unverified: "Unverified",
};

export const STANCE_WORDS: Record<Stance, string> = {
  supports: "supports",
  refutes: "refutes",
  mixed: "mixed",
  neutral: "neutral",
};

export const HEADINGS = {
  claims: "Claims checked",
  findings: "Key findings",
  sources: "Sources",
  followUps: "Follow-up questions",
  factChecks: "What other fact-checkers found",
  provenance: "How this report was made",
} as const;

export const MACHINE_NOTICE =
  "This report was written by a machine from the sources listed below and may contain mistakes: check the sources before relying on it.";

/** The longest input repeated under "Submitted as"; the full text stays in the JSON. */
export const MAX_SUBMITTED_CHARS = 500;

/** The longest heading of a briefing finding. */
export const MAX_FINDING_HEADING_CHARS = 80;

export function verdictWord(label: VerdictLabel): string {
  return VERDICT_WORDS[label] ?? "Unverified";
}

export function stanceWord(stance: Stance): string {
  return STANCE_WORDS[stance] ?? stance;
}

/** 0.724 → "72%". Out-of-range values are clamped. */
export function formatConfidence(confidence: number): string {
  const clamped = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  return `${Math.round(clamped * 100)}%`;
}

/**
 * A date as YYYY-MM-DD (UTC). Partial dates ("2021", "2021-06") are kept as
 * they are; text that is not a date is returned trimmed, unchanged.
 */
export function formatDate(value: string): string {
  const trimmed = value.trim();
  if (/^\d{4}(-\d{2}){0,2}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return trimmed;
  return new Date(time).toISOString().slice(0, 10);
}

/** 1234.5 → "1,235 ms". */
export function formatMs(ms: number): string {
  return `${Math.round(Number.isFinite(ms) ? ms : 0).toLocaleString("en-US")} ms`;
}

function comparable(text: string): string {
  return collapseWhitespace(text)
    .toLowerCase()
    .replace(/[\s\p{P}]+$/u, "");
}

/** Whether two texts differ other than by case, spacing and trailing punctuation. */
export function differsFrom(a: string, b: string): boolean {
  return comparable(a) !== comparable(b);
}

/** The input to show under "Submitted as", or null when it is just the title again. */
export function submittedText(report: Report): string | null {
  if (!report.input.text.trim() || !differsFrom(report.input.text, report.title)) return null;
  return truncate(collapseWhitespace(report.input.text), MAX_SUBMITTED_CHARS);
}

/** The claims are listed when there are several, or when the one claim is not the title. */
export function shouldListClaims(report: Report): boolean {
  if (report.claims.length > 1) return true;
  const only = report.claims[0];
  return only !== undefined && differsFrom(only.text, report.title);
}

export interface ShownSection {
  kind: Section["kind"];
  title: string;
  paragraphs: string[];
}

/** Sections in the order summary, context, bias (stable within a kind), without empty ones. */
export function orderedSections(report: Report): ShownSection[] {
  const rank = (kind: Section["kind"]) => {
    const i = SECTION_KINDS.indexOf(kind);
    return i === -1 ? SECTION_KINDS.length : i;
  };
  return [...report.sections]
    .map((section, index) => ({ section, index }))
    .sort((a, b) => rank(a.section.kind) - rank(b.section.kind) || a.index - b.index)
    .map(({ section }) => ({
      kind: section.kind,
      title: section.title.trim() || SECTION_TITLES[section.kind] || section.kind,
      paragraphs: section.paragraphs.map((p) => p.text).filter((text) => text.trim() !== ""),
    }))
    .filter((section) => section.paragraphs.length > 0);
}

/** Removes inline citation markers ("[1]", "[2][3]") and the space before them. */
export function stripCitations(text: string): string {
  return collapseWhitespace(text.replace(new RegExp(`\\s*${CITATION_MARKER.source}`, "g"), ""));
}

export interface Finding {
  heading: string;
  /** The whole paragraph, citation markers included. */
  text: string;
  sectionKind: Section["kind"];
}

/** One finding per paragraph of all sections, in section order (the briefing layout). */
export function briefingFindings(report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const section of orderedSections(report)) {
    for (const text of section.paragraphs) {
      const first = splitSentences(stripCitations(text))[0]?.text ?? "";
      let heading = collapseWhitespace(first).replace(/(?<!\.)\.$/, "");
      if (!heading) heading = section.title;
      findings.push({ heading: truncate(heading, MAX_FINDING_HEADING_CHARS), text, sectionKind: section.kind });
    }
  }
  return findings;
}

/** Publisher, author and date of a source, those that are known, in that order. */
export function sourceDetails(source: Source): string[] {
  const parts: string[] = [];
  for (const part of [source.publisher, source.author]) {
    if (part && part.trim()) parts.push(collapseWhitespace(part));
  }
  if (source.publishedAt && source.publishedAt.trim()) parts.push(formatDate(source.publishedAt));
  if (source.reliabilityNote && source.reliabilityNote.trim()) parts.push(`Note: ${collapseWhitespace(source.reliabilityNote)}`);
  return parts;
}

/** One earlier fact-check as plain words: who rated which claim how, and when. */
export function factCheckSummary(f: Report["factChecks"][number]): string {
  const by = f.claimant ? ` (claimed by ${collapseWhitespace(f.claimant)})` : "";
  const when = f.reviewedAt ? `, ${formatDate(f.reviewedAt)}` : "";
  return `${collapseWhitespace(f.publisher)} rated “${collapseWhitespace(f.claim)}”${by} as “${collapseWhitespace(f.rating)}”${when}.`;
}

export type SourceLocation =
  /** A web page: `href` is the parsed, normalised http(s) URL, `text` the URL as stored. */
  | { kind: "web"; href: string; text: string }
  | { kind: "library"; id: string }
  /** Anything else (javascript:, data:, garbage): shown as text, never as a link. */
  | { kind: "other"; text: string };

export function sourceLocation(url: string): SourceLocation {
  const text = url.trim();
  if (/^library:/i.test(text)) return { kind: "library", id: text.slice("library:".length) };
  if (/^https?:\/\//i.test(text)) {
    try {
      const parsed = new URL(text);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") {
        return { kind: "web", href: parsed.href, text };
      }
    } catch {
      // not a URL: shown as text
    }
  }
  return { kind: "other", text };
}

export interface ProvenanceSummary {
  engine: string;
  model: string | null;
  fallback: string | null;
  codeVersion: string | null;
  timings: { stage: string; ms: number }[];
  totalMs: number;
}

export function provenanceSummary(report: Report): ProvenanceSummary {
  const p = report.provenance;
  const timings = p.timings.filter((t) => t.stage.trim().toLowerCase() !== "total");
  const explicitTotal = p.timings.find((t) => t.stage.trim().toLowerCase() === "total");
  return {
    engine: p.engine,
    model: p.model && p.model.trim() ? p.model : null,
    fallback: p.fallback && p.fallback.trim() ? p.fallback : null,
    codeVersion: p.codeVersion && p.codeVersion.trim() ? p.codeVersion : null,
    timings,
    totalMs: explicitTotal ? explicitTotal.ms : timings.reduce((sum, t) => sum + t.ms, 0),
  };
}

/** The category and the named entities of a report, for the footer. */
export function aboutParts(report: Report): { category: string | null; entities: string[] } {
  return {
    category: report.category.trim() ? report.category.trim() : null,
    entities: report.entities.map((e) => collapseWhitespace(e.name)).filter((name) => name !== ""),
  };
}
