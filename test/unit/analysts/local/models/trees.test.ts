// Boosted trees: scoring, and the LambdaMART and Platt fits that train them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { relevanceOf, scoreTrees, type TreeModel } from "../../../../../src/analysts/local/models/trees.js";
import { fitLambdaMart } from "../../../../../scripts/train/lambdamart-fit.js";
import { fitPlatt } from "../../../../../scripts/train/platt-fit.js";

describe("boosted trees", () => {
  const model: TreeModel = {
    about: "test",
    features: ["a", "b"],
    calibration: [1, 0],
    // x[0] <= 0.5 ? (x[1] <= 2 ? -1 : 1) : 3; then a stump worth 0.5
    trees: [[[0, 0.5, 4], [1, 2, 3], -1, 1, 3], [0.5]],
  };

  it("walks each tree depth first, the left child next, and sums the leaves", () => {
    assert.equal(scoreTrees(model, [0.2, 1]), -0.5);
    assert.equal(scoreTrees(model, [0.2, 5]), 1.5);
    assert.equal(scoreTrees(model, [0.9, 0]), 3.5);
    assert.ok(Math.abs(relevanceOf(model, [0.9, 0]) - 1 / (1 + Math.exp(-3.5))) < 1e-12);
  });

  it("learns to rank by an informative feature, the same way every time", () => {
    const groups = Array.from({ length: 40 }, (_, g) => ({
      x: Array.from({ length: 10 }, (_, i) => [i === g % 10 ? 1 : 0.1 * ((i * 7 + g) % 10), (i * 3 + g) % 5]),
      relevant: Array.from({ length: 10 }, (_, i) => i === g % 10),
    }));
    const options = { trees: 20, depth: 2, minLeaf: 5 };
    const fitted = fitLambdaMart("test", ["signal", "noise"], groups, options);
    assert.deepEqual(fitLambdaMart("test", ["signal", "noise"], groups, options), fitted);
    for (const g of groups) {
      const best = g.x.map((x, i) => [scoreTrees(fitted, x), i] as const).sort((a, b) => b[0] - a[0])[0]![1];
      assert.equal(g.relevant[best], true);
    }
    assert.ok(relevanceOf(fitted, [1, 0]) > 0.5 && relevanceOf(fitted, [0.2, 0]) < 0.5);
  });

  it("calibrates scores so that a higher score means likelier relevant", () => {
    const [a] = fitPlatt([-2, -1, 0, 1, 2, 3], [false, false, true, false, true, true]);
    assert.ok(a > 0);
  });
});
