// Multinomial logistic regression: the small models the local analyst ships as weights.
// Inference only here; training lives in scripts/train (deterministic, from train splits).

export interface LogisticModel {
  /** What the model is, and what it was trained on (shown in provenance and QUALITY.md). */
  about: string;
  classes: string[];
  features: string[];
  /** Feature standardisation learnt on the training data. */
  mean: number[];
  std: number[];
  /** weights[class][feature] */
  weights: number[][];
  bias: number[];
}

function standardize(model: Pick<LogisticModel, "mean" | "std">, x: number[]): number[] {
  return x.map((v, i) => (v - model.mean[i]!) / (model.std[i]! || 1));
}

function logits(model: LogisticModel, x: number[]): number[] {
  const z = standardize(model, x);
  return model.weights.map((w, c) => w.reduce((s, wi, i) => s + wi * z[i]!, model.bias[c]!));
}

export function softmax(zs: number[]): number[] {
  const max = Math.max(...zs);
  const exps = zs.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Class probabilities, keyed by class name. */
export function predict(model: LogisticModel, x: number[]): Record<string, number> {
  const p = softmax(logits(model, x));
  return Object.fromEntries(model.classes.map((c, i) => [c, p[i]!]));
}
