// Boosted regression trees: the re-ranker's model. Inference only here; training lives in
// scripts/train (LambdaMART, deterministic, from train splits).
import { applyPlatt, type PlattParameters } from "./platt.js";

/**
 * A node: [feature, threshold, right] when it splits, x[feature] <= threshold going to the left child,
 * which is the next node (nodes are listed depth first, left before right); a leaf is its value.
 */
export type TreeNode = [number, number, number] | number;

export interface TreeModel {
  /** What the model is, and what it was trained on. */
  about: string;
  features: string[];
  /**
   * [a, b] of sigmoid(a · score + b), fitted on the training documents with both classes weighted
   * equally: the odds a document is relevant, as if relevant and irrelevant ones were equally common.
   */
  calibration: PlattParameters;
  /** Each tree's nodes, the root first; leaf values already scaled by the learning rate. */
  trees: TreeNode[][];
}

/** The ranking score of a feature row: the sum of its leaf in every tree (higher ranks first). */
export function scoreTrees(model: Pick<TreeModel, "trees">, x: number[]): number {
  let score = 0;
  for (const nodes of model.trees) {
    let i = 0;
    let node = nodes[0]!;
    while (typeof node !== "number") {
      i = x[node[0]]! <= node[1] ? i + 1 : node[2];
      node = nodes[i]!;
    }
    score += node;
  }
  return score;
}

/** 0..1: how likely the document is relevant (the calibrated score). */
export function relevanceOf(model: TreeModel, x: number[]): number {
  return applyPlatt(model.calibration, scoreTrees(model, x));
}
