// Platt scaling: a raw score mapped to a probability by sigmoid(a · score + b). The re-ranker's
// relevance and the calibrated confidence both use it; scripts/train/platt-fit.ts fits [a, b].

export type PlattParameters = [number, number];

export function applyPlatt([a, b]: PlattParameters, score: number): number {
  return 1 / (1 + Math.exp(-(a * score + b)));
}
