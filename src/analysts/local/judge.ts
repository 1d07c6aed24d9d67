// Local judgement: the stance of each passage from the stance model (a small network over the
// sentence encoder's vectors of claim and passage, and lexical polarity cues), then a verdict per
// claim from the weight of the evidence on each side. No evidence never means true.
import type { SentenceEncoder } from "../../domain/embedding.js";
import type { Claim } from "../../domain/report.js";
import type { Evidence, EvidenceJudgement, Judgement } from "../../domain/analysis.js";
import { MAX_CONFIDENCE, overallVerdict, verdictFor } from "../../domain/verdict.js";
import { stanceFeatures } from "./stance-features.js";
import { predictMlp } from "./models/mlp.js";
import { STANCE_MODEL } from "./models/index.js";
import { calibrateConfidence } from "./confidence.js";

/**
 * Below this bearing (the rationale model's chance that a passage states the finding the claim is
 * about) a passage is context, not evidence for or against. 0.2 loses Check-COVID (accuracy 0.41 ->
 * 0.20; bench/quality/IDEAS.md). With stance v12, 0.1 instead of 0.05 halves the sources given a
 * stance on near misses (with the side margin below: 71 -> 40 of 123 claims' sources) for SciFact
 * label F1 0.470 -> 0.452 and Check-COVID 0.432 -> 0.421 (npm run bench:tune, fifteenth session).
 */
const MIN_BEARING = 0.1;
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
 * as likely. Stance on looser passages is wrong too often to outvote it. With the stance model the
 * figures hardly move between 0.8 and 1 (npm run bench:tune, stance v6: SciFact label F1 0.457 /
 * 0.459 / 0.461, claim accuracy 0.614 / 0.610 / 0.605, Check-COVID 0.453 / 0.453 / 0.432; stance v7:
 * F1 0.453 / 0.462 / 0.456, Check-COVID 0.421 / 0.411 / 0.400); 0.8 lets a second study that finds
 * the opposite show its side instead of being filed as context.
 */
const NEAR_TIE = 0.8;

/**
 * A passage takes a side only when the stance model finds a side nearly as likely as "neither" (or
 * more): a passage on the topic that does not say either way is context. The model calls 37% of
 * SciFact dev's gold rationales "neither", so a side that comes close counts (npm run bench:tune,
 * stance v6, gate 0.5, near tie 0.8: SciFact label F1 0.457 / claim accuracy 0.614 at -0.4, 0.453 /
 * 0.600 at -0.2; stance v7: 0.453 / 0.614 at -0.4, 0.458 / 0.610 at -0.2, Check-COVID 0.421 / 0.400).
 * Stance v12, minimum bearing 0.1: at -0.4 / -0.2 / 0, SciFact F1 0.459 / 0.452 / 0.408, Check-COVID
 * 0.421 / 0.421 / 0.389, near misses given a verdict 33 / 26 / 19 of 123: -0.2 is where near misses
 * fall and the benchmarks hold.
 */
const SIDE_MARGIN = -0.2;

/**
 * The stance model was trained on balanced classes, and the evidence a check reads refutes less often
 * than it supports: its chance of "refutes" is weighed by this factor before the sides are compared.
 * Measured, not needed: 0.6 and 0.8 lower SciFact's label F1 (0.438, 0.457 against 0.457 at 1) and
 * Check-COVID's accuracy (bench:tune; stance v7 at 0.5 / 0.75 / 1: F1 0.434 / 0.444 / 0.453).
 */
const REFUTE_WEIGHT = 1;

/**
 * A passage takes a side only when the stance model finds that side clearly likelier than the other:
 * a coin flip between supports and refutes (0.31 against 0.28 for "Continued smoking was associated
 * with an increased risk of mortality ... in lung cancer" read against "Smoking causes lung cancer.")
 * is context, however squarely the passage bears on the claim; before, its bearing alone made it a
 * refutation stated at 80%. The share is the side's chance over both sides' (0.5 is a coin flip).
 */
const MIN_CERTAINTY = 0.6;

/** The judge's thresholds (the constants above); a tuning run on the dev splits may try others. */
export interface JudgeSettings {
  minBearing: number;
  fullBearing: number;
  minDocumentRelevance: number;
  nearTie: number;
  sideMargin: number;
  refuteWeight: number;
  minCertainty: number;
}

export const JUDGE_SETTINGS: JudgeSettings = {
  minBearing: MIN_BEARING,
  fullBearing: FULL_BEARING,
  minDocumentRelevance: MIN_DOCUMENT_RELEVANCE,
  nearTie: NEAR_TIE,
  sideMargin: SIDE_MARGIN,
  refuteWeight: REFUTE_WEIGHT,
  minCertainty: MIN_CERTAINTY,
};

/**
 * The stance of one passage: its bearing decides whether it speaks to the claim at all; the stance
 * model decides which way, or that it says neither.
 */
function judgePassage(
  claim: Claim,
  claimVector: Float32Array,
  evidence: Evidence,
  passageVector: Float32Array,
  settings: JudgeSettings = JUDGE_SETTINGS,
): EvidenceJudgement {
  // A study's aim or method is not its finding, however like the claim it reads ("This study was
  // conducted to investigate whether ..." was quoted as refuting; SciFact dev label F1 0.453 -> 0.457).
  if (evidence.aimOrMethod || evidence.bearing < settings.minBearing || evidence.documentRelevance < settings.minDocumentRelevance) {
    return { evidenceId: evidence.id, stance: "neutral", weight: evidence.relevance * 0.5 };
  }
  const model = predictMlp(STANCE_MODEL, stanceFeatures(claim.text, claimVector, evidence.quote, passageVector));
  const p: Record<string, number> = { ...model, refutes: model.refutes! * settings.refuteWeight };
  const side = p.refutes! > p.supports! ? "refutes" : "supports";
  const certainty = p[side]! / (p.supports! + p.refutes!);
  if (p[side]! <= p.neutral! + settings.sideMargin || certainty < settings.minCertainty) {
    return { evidenceId: evidence.id, stance: "neutral", weight: evidence.relevance * 0.5 };
  }
  return {
    evidenceId: evidence.id,
    stance: side,
    weight: Math.min(1, (evidence.bearing / settings.fullBearing) * (0.5 + certainty) * 0.8),
  };
}

/**
 * The local analyst's judgement. Its confidence is calibrated on the train splits (`calibrate: false`
 * gives the raw figure, which is what the calibration is fitted on).
 */
export async function judgeEvidence(
  claims: Claim[],
  evidence: Evidence[],
  encoder: SentenceEncoder,
  options: { calibrate?: boolean; settings?: JudgeSettings } = {},
): Promise<Judgement> {
  const settings = options.settings ?? JUDGE_SETTINGS;
  const byId = new Map(claims.map((c) => [c.id, c]));
  // The ranker has just embedded these: the encoder's cache answers.
  const vectors = await encoder.embed([...claims.map((c) => c.text), ...evidence.map((e) => e.quote)]);
  const claimVector = new Map(claims.map((c, i) => [c.id, vectors[i]!]));
  const judged = evidence.map((e, i) =>
    judgePassage(byId.get(e.claimId)!, claimVector.get(e.claimId)!, e, vectors[claims.length + i]!, settings),
  );
  const claimJudgements = claims.map((claim) => {
    const mine = evidence.flatMap((e, i) => (e.claimId === claim.id ? [i] : []));
    const raw = verdictFor(
      claim,
      keepNearTies(
        mine.map((i) => judged[i]!),
        mine.map((i) => evidence[i]!),
        settings.nearTie,
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
function keepNearTies(judged: EvidenceJudgement[], evidence: Evidence[], nearTie: number): EvidenceJudgement[] {
  const bearing = evidence.map((e) => e.bearing);
  const siding = judged.map((j) => j.stance !== "neutral");
  const strongest = Math.max(0, ...bearing.filter((_, i) => siding[i]));
  judged.forEach((j, i) => {
    if (siding[i] && bearing[i]! < nearTie * strongest) j.stance = "neutral";
  });
  return judged;
}

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}
