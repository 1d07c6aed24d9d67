// Local judgement: the stance of each passage from lexical polarity cues, then a
// verdict per claim from the weight of the evidence on each side. No evidence never means true.
import type { Claim } from "../../domain/report.js";
import type { Evidence, EvidenceJudgement, Judgement } from "../../domain/analysis.js";
import { MAX_CONFIDENCE, overallVerdict, verdictFor } from "../../domain/verdict.js";
import { polarityFeatures } from "./polarity-features.js";
import { predict } from "./models/logistic.js";
import { POLARITY_MODEL } from "./models/index.js";
import { calibrateConfidence } from "./confidence.js";

/**
 * Below this bearing (the rationale model's chance that a passage states the finding the claim is
 * about) a passage is context, not evidence for or against. 0.05 and 0.1 give the same SciFact
 * figures; 0.2 loses Check-COVID (accuracy 0.41 -> 0.20; bench/quality/IDEAS.md).
 */
const MIN_BEARING = 0.05;
/**
 * The bearing at which a passage counts in full: an even chance of being the finding. Lower lets
 * thinner passages decide (0.3: Check-COVID accuracy 0.54 but SciFact claim accuracy 0.54); higher
 * leaves more claims unverified (0.6: SciFact label F1 0.52 but Check-COVID 0.30).
 */
const FULL_BEARING = 0.5;
/**
 * A passage takes a side only when the re-ranker finds its whole document likely to be about the
 * claim: a matching sentence in an unrelated abstract is a coincidence of words, not evidence.
 * A safeguard: the bearing already weighs the document's relevance, and at 0, 0.25 or 0.5 every
 * benchmark figure is the same (bench/quality/IDEAS.md).
 */
const MIN_DOCUMENT_RELEVANCE = 0.5;
/**
 * The passage likeliest to state the finding decides; another takes a side only when it is nearly
 * as likely. Lexical stance on looser passages is wrong too often to outvote it (SciFact dev label
 * F1: 0.505 at 0.7, 0.517 at 0.85, 0.530 at 0.9, 0.517 at 0.95; Check-COVID accuracy falls from
 * 0.505 to 0.411 over the same range).
 */
const NEAR_TIE = 0.9;

/**
 * The stance of one passage: its bearing decides whether it speaks to the claim at all; the
 * polarity model (trained on SciFact and Check-COVID rationales) decides which way.
 */
export function judgePassage(claim: Claim, evidence: Evidence): EvidenceJudgement {
  if (evidence.bearing < MIN_BEARING || evidence.documentRelevance < MIN_DOCUMENT_RELEVANCE) {
    return { evidenceId: evidence.id, stance: "neutral", weight: evidence.relevance * 0.5 };
  }
  const p = predict(POLARITY_MODEL, polarityFeatures(claim.text, evidence.quote, evidence.relevance));
  const refutes = (p.refutes ?? 0) > 0.5;
  const certainty = refutes ? p.refutes! : p.supports!;
  return {
    evidenceId: evidence.id,
    stance: refutes ? "refutes" : "supports",
    weight: Math.min(1, (evidence.bearing / FULL_BEARING) * (0.5 + certainty) * 0.8),
  };
}

/**
 * The local analyst's judgement. Its confidence is calibrated on the train splits (`calibrate: false`
 * gives the raw figure, which is what the calibration is fitted on).
 */
export function judgeEvidence(claims: Claim[], evidence: Evidence[], options: { calibrate?: boolean } = {}): Judgement {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const judged = evidence.map((e) => judgePassage(byId.get(e.claimId)!, e));
  const claimJudgements = claims.map((claim) => {
    const mine = evidence.flatMap((e, i) => (e.claimId === claim.id ? [i] : []));
    const raw = verdictFor(
      claim,
      keepNearTies(
        mine.map((i) => judged[i]!),
        mine.map((i) => evidence[i]!),
      ),
    );
    if (options.calibrate === false) return raw;
    return { ...raw, confidence: round(Math.min(MAX_CONFIDENCE, calibrateConfidence(raw))) };
  });
  return { evidence: judged, claims: claimJudgements, overall: overallVerdict(claimJudgements) };
}

/**
 * Only the passages about as likely to state the finding as the claim's likeliest siding passage
 * keep their side; the rest become context (in place: the report shows them so). Passages of equal
 * bearing that disagree still meet in the verdict as conflicting evidence.
 */
function keepNearTies(judged: EvidenceJudgement[], evidence: Evidence[]): EvidenceJudgement[] {
  const bearing = evidence.map((e) => e.bearing);
  const siding = judged.map((j) => j.stance !== "neutral");
  const strongest = Math.max(0, ...bearing.filter((_, i) => siding[i]));
  judged.forEach((j, i) => {
    if (siding[i] && bearing[i]! < NEAR_TIE * strongest) j.stance = "neutral";
  });
  return judged;
}

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}
