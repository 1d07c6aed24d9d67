// Fitting the re-ranker: LambdaMART, boosted regression trees whose gradients are RankNet's
// pairwise gradients scaled by the nDCG@10 change of swapping the pair. Splits are searched on
// quantile bins; no sampling, so a run is deterministic.
import type { TreeModel, TreeNode } from "../../src/analysts/local/models/trees.js";
import { scoreTrees } from "../../src/analysts/local/models/trees.js";
import { fitPlatt } from "./platt-fit.js";

/** One query's candidates: their feature rows and whether each is relevant. */
export interface Group {
  x: number[][];
  relevant: boolean[];
}

export interface LambdaMartOptions {
  trees?: number;
  depth?: number;
  learningRate?: number;
  /** Fewest examples in a leaf. */
  minLeaf?: number;
  bins?: number;
  /** The cut-off of the nDCG being optimised. */
  k?: number;
}

export function fitLambdaMart(about: string, features: readonly string[], groups: Group[], options: LambdaMartOptions = {}): TreeModel {
  const { trees: treeCount = 600, depth = 4, learningRate = 0.03, minLeaf = 100, bins = 32, k = 10 } = options;
  const xs = groups.flatMap((g) => g.x);
  const thresholds = features.map((_, f) =>
    quantiles(
      xs.map((x) => x[f]!),
      bins,
    ),
  );
  const binned = xs.map((x) => x.map((v, f) => binOf(v, thresholds[f]!)));
  const scores = new Float64Array(xs.length);
  const trees: TreeNode[][] = [];
  for (let t = 0; t < treeCount; t++) {
    const { gradient, hessian } = lambdas(groups, scores, k);
    const nodes: TreeNode[] = [];
    const grow = (rows: number[], level: number): number => {
      const id = nodes.length;
      let g = 0,
        h = 0;
      for (const r of rows) {
        g += gradient[r]!;
        h += hessian[r]!;
      }
      nodes.push(round(h > 0 ? (learningRate * g) / (h + 1e-6) : 0));
      const split =
        level < depth && rows.length >= 2 * minLeaf ? bestSplit(rows, binned, thresholds, gradient, hessian, g, h, minLeaf) : null;
      if (!split) return id;
      const left = rows.filter((r) => binned[r]![split.feature]! <= split.bin);
      const right = rows.filter((r) => binned[r]![split.feature]! > split.bin);
      const threshold = thresholds[split.feature]![split.bin]!;
      grow(left, level + 1); // the left subtree follows its parent
      nodes[id] = [split.feature, threshold, grow(right, level + 1)];
      return id;
    };
    grow(
      xs.map((_, i) => i),
      0,
    );
    xs.forEach((x, i) => (scores[i]! += scoreTrees({ trees: [nodes] }, x)));
    trees.push(nodes);
  }
  const calibration = fitPlatt(
    [...scores],
    groups.flatMap((g) => g.relevant),
  );
  return { about, features: [...features], calibration, trees };
}

/** LambdaRank gradients (towards a higher score) and their second-order weights, per example. */
function lambdas(groups: Group[], scores: Float64Array, k: number) {
  const gradient = new Float64Array(scores.length);
  const hessian = new Float64Array(scores.length);
  let offset = 0;
  for (const { relevant } of groups) {
    const n = relevant.length;
    const nRelevant = relevant.filter(Boolean).length;
    if (nRelevant > 0 && nRelevant < n) {
      let ideal = 0;
      for (let i = 0; i < Math.min(k, nRelevant); i++) ideal += 1 / Math.log2(i + 2);
      const order = relevant.map((_, i) => i).sort((a, b) => scores[offset + b]! - scores[offset + a]! || a - b);
      const position = new Array<number>(n);
      order.forEach((i, p) => (position[i] = p));
      const gain = (p: number) => (p < k ? 1 / Math.log2(p + 2) : 0);
      for (let i = 0; i < n; i++) {
        if (!relevant[i]) continue;
        for (let j = 0; j < n; j++) {
          if (relevant[j]) continue;
          const delta = Math.abs(gain(position[i]!) - gain(position[j]!)) / ideal;
          if (delta === 0) continue;
          const rho = 1 / (1 + Math.exp(scores[offset + i]! - scores[offset + j]!));
          gradient[offset + i]! += rho * delta;
          gradient[offset + j]! -= rho * delta;
          const w = rho * (1 - rho) * delta;
          hessian[offset + i]! += w;
          hessian[offset + j]! += w;
        }
      }
    }
    offset += n;
  }
  return { gradient, hessian };
}

function bestSplit(
  rows: number[],
  binned: number[][],
  thresholds: number[][],
  gradient: Float64Array,
  hessian: Float64Array,
  g: number,
  h: number,
  minLeaf: number,
): { feature: number; bin: number } | null {
  const parent = (g * g) / (h + 1e-6);
  let best: { feature: number; bin: number; gain: number } | null = null;
  thresholds.forEach((cuts, feature) => {
    const size = cuts.length + 1;
    const gb = new Float64Array(size),
      hb = new Float64Array(size),
      nb = new Int32Array(size);
    for (const r of rows) {
      const b = binned[r]![feature]!;
      gb[b]! += gradient[r]!;
      hb[b]! += hessian[r]!;
      nb[b]!++;
    }
    let gl = 0,
      hl = 0,
      nl = 0;
    for (let b = 0; b < size - 1; b++) {
      gl += gb[b]!;
      hl += hb[b]!;
      nl += nb[b]!;
      if (nl < minLeaf || rows.length - nl < minLeaf) continue;
      const gain = (gl * gl) / (hl + 1e-6) + (g - gl) ** 2 / (h - hl + 1e-6) - parent;
      if (gain > (best?.gain ?? 1e-9)) best = { feature, bin: b, gain };
    }
  });
  return best;
}

/** Up to bins - 1 distinct cut points at the values' quantiles. */
function quantiles(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const q = round(sorted[Math.floor((b * sorted.length) / bins)]!);
    if (cuts.length === 0 || q > cuts[cuts.length - 1]!) cuts.push(q);
  }
  return cuts;
}

/** The bin of a value: the first cut point it does not exceed (x <= cut goes left, as at inference). */
function binOf(v: number, cuts: number[]): number {
  let lo = 0,
    hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Four significant digits: enough for the ranking, small enough to ship. */
function round(v: number): number {
  return Number(v.toPrecision(4));
}
