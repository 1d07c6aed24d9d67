// The verdict the evidence adds up to: a label and a confidence per claim from the weight of the
// passages on each side, and the overall verdict from the claims'. Both analysts use it: the local
// one for every verdict, the LLM analyst where the model's label does not fit its own stances.
// No evidence never means true.
import type { ClaimJudgement, EvidenceJudgement } from "./analysis.js";
import type { Claim, VerdictLabel } from "./report.js";
import { words } from "./text.js";

/** Words that overstate: the statement admits no exception. */
export const ABSOLUTE_WORDS = new Set([
  "always",
  "never",
  "all",
  "every",
  "everyone",
  "nobody",
  "none",
  "completely",
  "totally",
  "entirely",
  "100%",
  "guaranteed",
  "proven",
  "definitely",
  "certainly",
  "undeniably",
  "only",
  "impossible",
]);

/** No verdict reached by adding up passages claims more certainty than this: the stances may be misread. */
export const MAX_CONFIDENCE = 0.85;

/**
 * Less total evidence weight than this is too thin for a verdict. At 0.3 one passage of full
 * bearing is enough for a verdict, and its confidence stays low (about 0.35); at 0.5 it took two,
 * and SciFact dev label F1 fell from 0.314 to 0.229 (bench/quality/IDEAS.md).
 */
const MIN_EVIDENCE_WEIGHT = 0.3;

/** The verdict one claim's judged passages add up to. */
export function verdictFor(claim: Claim, judgements: EvidenceJudgement[]): ClaimJudgement {
  let support = 0;
  let refute = 0;
  for (const j of judgements) {
    if (j.stance === "supports") support += j.weight;
    if (j.stance === "refutes") refute += j.weight;
  }
  const total = support + refute;
  if (total < MIN_EVIDENCE_WEIGHT) {
    // Thin evidence: say so, with a confidence that falls as the little evidence there is grows.
    return { claimId: claim.id, label: "unverified", confidence: round(0.35 - total * 0.3) };
  }
  const dominant = Math.max(support, refute);
  const minority = Math.min(support, refute);
  const agreement = 1 - minority / dominant;
  if (minority > 0 && minority / dominant >= 0.6) {
    return { claimId: claim.id, label: "conflicting", confidence: round(Math.min(MAX_CONFIDENCE, 0.35 + 0.1 * total)) };
  }
  // One strong passage gives about 0.5; three agreeing ones about 0.7.
  const amount = 1 - Math.exp(-dominant / 2);
  let confidence = 0.25 + 0.6 * amount * agreement;
  let label: VerdictLabel = support >= refute ? "supported" : "refuted";
  // True in part but overstated: an absolute claim met by evidence that is partly against it.
  const absolute = words(claim.text).some((w) => ABSOLUTE_WORDS.has(w));
  if (label === "supported" && minority > 0 && (absolute || minority / dominant >= 0.3)) {
    label = "misleading";
    confidence *= 0.9;
  }
  return { claimId: claim.id, label, confidence: round(Math.min(MAX_CONFIDENCE, confidence)) };
}

/** The overall verdict: the claims' verdicts taken together (the main claim first). */
export function overallVerdict(claims: ClaimJudgement[]): { label: VerdictLabel; confidence: number } {
  if (claims.length === 0) return { label: "unverified", confidence: 0.2 };
  if (claims.length === 1) return { label: claims[0]!.label, confidence: claims[0]!.confidence };
  const labels = new Set(claims.map((c) => c.label));
  const meanConfidence = round(claims.reduce((s, c) => s + c.confidence, 0) / claims.length);
  if (labels.size === 1) return { label: claims[0]!.label, confidence: meanConfidence };
  const decided = claims.filter((c) => c.label !== "unverified");
  if (decided.length === 0) return { label: "unverified", confidence: meanConfidence };
  const hasTrue = decided.some((c) => c.label === "supported");
  const hasFalse = decided.some((c) => c.label === "refuted" || c.label === "misleading");
  if (hasTrue && hasFalse) return { label: "misleading", confidence: round(meanConfidence * 0.9) };
  return { label: decided[0]!.label, confidence: round(meanConfidence * 0.9) };
}

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}
