// Calibrated confidence: the local analyst's raw confidence (from the weight and agreement of its
// evidence) mapped to how often verdicts like it were right on the train splits, so a stated 60%
// means right about six times in ten. Only decided verdicts (supported, refuted) are mapped: the
// others say how much is missing, not how likely a side is right.
import type { ClaimJudgement } from "../../domain/analysis.js";
import { CONFIDENCE_MODEL } from "./models/index.js";
import { applyPlatt, type PlattParameters } from "./models/platt.js";

export interface ConfidenceModel {
  /** What the map is, and what it was fitted on. */
  about: string;
  /** Per decided verdict, [a, b] of sigmoid(a · raw + b): the share of such verdicts that were right. */
  supported: PlattParameters;
  refuted: PlattParameters;
}

export function calibrateConfidence(judgement: ClaimJudgement, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  if (judgement.label !== "supported" && judgement.label !== "refuted") return judgement.confidence;
  return applyPlatt(model[judgement.label], judgement.confidence);
}
