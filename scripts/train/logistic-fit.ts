// Fitting multinomial logistic regression: full-batch gradient descent with L2, class
// weights for imbalance, fixed epochs and zero initialisation, so a run is deterministic.
import type { LogisticModel } from "../../src/analysts/local/models/logistic.js";
import { softmax } from "../../src/analysts/local/models/logistic.js";

export interface Example {
  x: number[];
  y: string;
}

export interface FitOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Weigh the classes equally (the default), or as they come, so the probabilities keep the data's base rates. */
  balanced?: boolean;
}

export function fitLogistic(
  about: string,
  classes: string[],
  features: readonly string[],
  data: Example[],
  options: FitOptions = {},
): LogisticModel {
  const epochs = options.epochs ?? 600;
  const lr = options.learningRate ?? 0.3;
  const l2 = options.l2 ?? 1e-3;
  const d = features.length;
  const mean = Array.from({ length: d }, (_, i) => data.reduce((s, e) => s + e.x[i]!, 0) / data.length);
  const std = Array.from({ length: d }, (_, i) => Math.sqrt(data.reduce((s, e) => s + (e.x[i]! - mean[i]!) ** 2, 0) / data.length) || 1);
  const xs = data.map((e) => e.x.map((v, i) => (v - mean[i]!) / std[i]!));
  const ys = data.map((e) => classes.indexOf(e.y));
  if (ys.some((y) => y < 0)) throw new Error("an example has an unknown class");
  const counts = classes.map((_, c) => ys.filter((y) => y === c).length);
  const balanced = options.balanced ?? true;
  const classWeight = counts.map((n) => (n === 0 ? 0 : balanced ? data.length / (classes.length * n) : 1));

  const weights = classes.map(() => new Array<number>(d).fill(0));
  const bias = new Array<number>(classes.length).fill(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gw = classes.map(() => new Array<number>(d).fill(0));
    const gb = new Array<number>(classes.length).fill(0);
    let totalWeight = 0;
    xs.forEach((x, n) => {
      const p = softmax(weights.map((w, c) => w.reduce((s, wi, i) => s + wi * x[i]!, bias[c]!)));
      const cw = classWeight[ys[n]!]!;
      totalWeight += cw;
      for (let c = 0; c < classes.length; c++) {
        const g = cw * (p[c]! - (ys[n] === c ? 1 : 0));
        gb[c]! += g;
        for (let i = 0; i < d; i++) gw[c]![i]! += g * x[i]!;
      }
    });
    for (let c = 0; c < classes.length; c++) {
      bias[c]! -= (lr * gb[c]!) / totalWeight;
      for (let i = 0; i < d; i++) weights[c]![i]! -= lr * (gw[c]![i]! / totalWeight + l2 * weights[c]![i]!);
    }
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    about,
    classes,
    features: [...features],
    mean: mean.map(round),
    std: std.map(round),
    weights: weights.map((w) => w.map(round)),
    bias: bias.map(round),
  };
}
