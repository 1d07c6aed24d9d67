// The words every rendering of a report prints (the renderers, and the website's pages), and how
// they format confidences, dates and durations. What a report shows is decided in outline.ts.
// Nothing here escapes anything: each renderer escapes for its own format.
import { CITATION_MARKER, type Stance, type UncheckedReason, type VerdictLabel } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";

export type ReportLayout = "classic" | "briefing";

const VERDICT_WORDS: Record<VerdictLabel, string> = {
  supported: "Supported",
  refuted: "Refuted",
  misleading: "Misleading",
  conflicting: "Conflicting",
  unverified: "Unverified",
};

const STANCE_WORDS: Record<Stance, string> = {
  supports: "supports",
  refutes: "refutes",
  mixed: "mixed",
  neutral: "neutral",
};

export const HEADINGS = {
  claims: "Claims checked",
  unchecked: "Sentences not checked",
  findings: "Key findings",
  sources: "Sources",
  followUps: "Follow-up questions",
  method: "How this was checked",
  factChecks: "What other fact-checkers found",
  provenance: "How this report was made",
} as const;

/** Why a sentence of a text or page was not checked, as the report says it. */
const UNCHECKED_REASON_WORDS: Record<UncheckedReason, string> = {
  question: "a question, not a statement",
  opinion: "an opinion",
  instruction: "an instruction or appeal, not a statement",
  "too-short": "too short to check",
  duplicate: "repeats an earlier sentence",
  "not-check-worthy": "states no fact, figure, cause or comparison to check",
  "over-limit": "beyond the number of claims one check covers",
};

/** The link from a claim in "Claims checked" to the paragraph that gives its evidence. */
export const EVIDENCE_LINK = "See the evidence";

export function uncheckedReasonWords(reason: UncheckedReason): string {
  return UNCHECKED_REASON_WORDS[reason] ?? reason;
}

export const MACHINE_NOTICE =
  "This report was written by a machine from the sources listed below and may contain mistakes: check the sources before relying on it.";

export function verdictWord(label: VerdictLabel): string {
  return VERDICT_WORDS[label] ?? "Unverified";
}

/**
 * The verdict and its headline as one line that says the verdict once: "Supported: the gist",
 * also when the headline already begins with the verdict's word.
 */
export function verdictLine(label: VerdictLabel, headline: string): string {
  const word = verdictWord(label);
  const gist = stripCitations(headline).replace(new RegExp(`^${word}\\b[\\s:.,;—–-]*`, "i"), "");
  return gist ? `${word}: ${gist}` : word;
}

export function stanceWord(stance: Stance): string {
  return STANCE_WORDS[stance] ?? stance;
}

/**
 * Whether a verdict's confidence is shown as its rating. It says how strongly the evidence backs the
 * verdict; an unverified report has no verdict to back, so its figure would read as a rating it is not.
 */
export function showsConfidence(label: VerdictLabel): boolean {
  return label !== "unverified";
}

/** Where a library document without a public link is: never its internal id. */
export const LIBRARY_LOCATION = "In the local library (no public link)";

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

/** Removes inline citation markers ("[1]", "[2][3]") and the space before them. */
export function stripCitations(text: string): string {
  return collapseWhitespace(text.replace(new RegExp(`\\s*${CITATION_MARKER.source}`, "g"), ""));
}
