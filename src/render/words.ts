// The words every rendering of a report prints (the renderers, and the website's pages), in the
// report's locale (the catalogs are in i18n/), and how they format confidences, dates and
// durations. What a report shows is decided in outline.ts.
// Nothing here escapes anything: each renderer escapes for its own format.
import { CITATION_MARKER, Stance, UNCHECKED_REASONS, VERDICT_LABELS, type UncheckedReason, type VerdictLabel } from "../domain/report.js";
import type { Locale } from "../domain/locale.js";
import { t } from "./i18n/catalog.js";
import { verdictWordIn } from "../domain/verdict-words.js";
import { isCategory } from "../domain/categories.js";
import { collapseWhitespace } from "../domain/text.js";

export type ReportLayout = "classic" | "briefing";

/** Why a sentence of a text or page was not checked, as the report says it. */
export function uncheckedReasonWords(reason: UncheckedReason, locale: Locale = "en"): string {
  return UNCHECKED_REASONS.includes(reason) ? t(locale, `unchecked.${reason}`) : reason;
}

export function verdictWord(label: VerdictLabel, locale: Locale = "en"): string {
  return verdictWordIn(locale, VERDICT_LABELS.includes(label) ? label : "unverified");
}

/**
 * The verdict and its headline as one line that says the verdict once: "Supported: the gist",
 * also when the headline already begins with the verdict's word.
 */
export function verdictLine(label: VerdictLabel, headline: string, locale: Locale = "en"): string {
  const word = verdictWord(label, locale);
  const gist = stripCitations(headline).replace(new RegExp(`^${word}(?![\\p{L}])[\\s:.,;—–-]*`, "iu"), "");
  return gist ? `${word}: ${gist}` : word;
}

/** A category's name in the locale ("health" → "salud"); English shows the category as it is filed. */
export function categoryWord(category: string, locale: Locale = "en"): string {
  return isCategory(category) ? t(locale, `category.${category}`) : category;
}

export function stanceWord(stance: Stance, locale: Locale = "en"): string {
  return Stance.options.includes(stance) ? t(locale, `stance.${stance}`) : stance;
}

/**
 * Whether a verdict's confidence is shown as its rating. It says how strongly the evidence backs the
 * verdict; an unverified report has no verdict to back, so its figure would read as a rating it is not.
 */
export function showsConfidence(label: VerdictLabel): boolean {
  return label !== "unverified";
}

/** 0.724 → "72%". Out-of-range values are clamped. */
export function formatConfidence(confidence: number): string {
  const clamped = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  return `${Math.round(clamped * 100)}%`;
}

/** A date in words in the locale ("6 December 2026"); see i18n/dates.ts. */
export { formatDate } from "./i18n/dates.js";

/** 1234.5 → "1,235 ms". */
export function formatMs(ms: number): string {
  return `${Math.round(Number.isFinite(ms) ? ms : 0).toLocaleString("en-US")} ms`;
}

/** Removes inline citation markers ("[1]", "[2][3]") and the space before them. */
export function stripCitations(text: string): string {
  return collapseWhitespace(text.replace(new RegExp(`\\s*${CITATION_MARKER.source}`, "g"), ""));
}
