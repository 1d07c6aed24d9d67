// Local judgement: the stance of each passage from lexical polarity cues, then a
// verdict per claim from the weight of the evidence on each side. No evidence never means true.
import type { Claim, VerdictLabel } from "../../domain/report.js";
import { words } from "../../domain/text.js";
import type { ClaimJudgement, Evidence, EvidenceJudgement, Judgement } from "../../pipeline/types.js";
import { ABSOLUTE_CUES } from "./cues.js";
import { polarityFeatures } from "./polarity-features.js";
import { predict } from "./models/logistic.js";
import { POLARITY_MODEL } from "./models/index.js";

/**
 * Below this relevance a passage is context, not evidence for or against: a sentence that
 * covers less than about half of what the claim is about does not speak to it. Tuned on SciFact
 * and Check-COVID dev (0.35 to 0.7; see bench/quality/IDEAS.md).
 */
const MIN_STANCE_RELEVANCE = 0.45;
/** The local analyst never claims more certainty than this: its reading is lexical. */
const MAX_CONFIDENCE = 0.85;
/**
 * Less total evidence weight than this is too thin for a verdict. At 0.3 one passage over the
 * relevance threshold is enough for a verdict, and its confidence stays low (about 0.35); at 0.5
 * it took two, and SciFact dev label F1 fell from 0.314 to 0.229 (bench/quality/IDEAS.md).
 */
const MIN_EVIDENCE_WEIGHT = 0.3;

/**
 * The stance of one passage: relevance decides whether it speaks to the claim at all; the
 * polarity model (trained on SciFact and Check-COVID rationales) decides which way.
 */
export function judgePassage(claim: Claim, evidence: Evidence): EvidenceJudgement {
  if (evidence.relevance < MIN_STANCE_RELEVANCE) {
    return { evidenceId: evidence.id, stance: "neutral", weight: evidence.relevance * 0.5 };
  }
  const p = predict(POLARITY_MODEL, polarityFeatures(claim.text, evidence.quote, evidence.relevance));
  const refutes = (p.refutes ?? 0) > 0.5;
  const certainty = refutes ? p.refutes! : p.supports!;
  return { evidenceId: evidence.id, stance: refutes ? "refutes" : "supports", weight: Math.min(1, evidence.relevance * (0.5 + certainty) * 0.8) };
}

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
  const absolute = words(claim.text).some((w) => ABSOLUTE_CUES.has(w));
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

export function judgeEvidence(claims: Claim[], evidence: Evidence[]): Judgement {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const judged = evidence.map((e) => judgePassage(byId.get(e.claimId)!, e));
  const claimJudgements = claims.map((claim) =>
    verdictFor(claim, judged.filter((_, i) => evidence[i]!.claimId === claim.id)),
  );
  return { evidence: judged, claims: claimJudgements, overall: overallVerdict(claimJudgements) };
}

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}
