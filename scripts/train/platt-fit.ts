// Platt scaling: a score mapped to a probability by a one-feature logistic regression. Used for the
// re-ranker's document relevance and for the judge's calibrated confidence.
import { applyPlatt, type PlattParameters } from "../../src/analysts/local/models/platt.js";

/**
 * Platt scaling: Newton's method on a one-feature logistic regression. Balanced, both classes
 * weigh the same (odds as if they were equally common); otherwise each example weighs the same.
 */
export function fitPlatt(scores: number[], relevant: boolean[], { balanced = true } = {}): PlattParameters {
  const positives = relevant.filter(Boolean).length;
  const weightOf = (y: boolean) => (!balanced ? 1 / relevant.length : y ? 1 / (2 * positives) : 1 / (2 * (relevant.length - positives)));
  let a = 1,
    b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0,
      gb = 0,
      haa = 1e-9,
      hab = 0,
      hbb = 1e-9;
    scores.forEach((s, i) => {
      const p = applyPlatt([a, b], s);
      const w = weightOf(relevant[i]!);
      const e = w * (p - (relevant[i] ? 1 : 0));
      const v = w * p * (1 - p);
      ga += e * s;
      gb += e;
      haa += v * s * s;
      hab += v * s;
      hbb += v;
    });
    const det = haa * hbb - hab * hab;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error("Platt scaling did not converge");
  return [round(a), round(b)];
}

function round(v: number): number {
  return Number(v.toPrecision(4));
}
