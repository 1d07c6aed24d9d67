import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentTerms } from "../../src/domain/text.js";
import { relevanceOf, scoreTrees, type TreeModel } from "../../src/analysts/local/models/trees.js";
import { idfWeights } from "../../src/analysts/local/relevance.js";
import { RERANK_FEATURES, rerankFeatures } from "../../src/analysts/local/rerank-features.js";
import { fitLambdaMart } from "../../scripts/train/lambdamart-fit.js";
import { fitPlatt } from "../../scripts/train/platt-fit.js";

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

describe("re-ranking features", () => {
  it("gives one row per document, and the document about the claim the better coverage and similarity", () => {
    const claim = "Vitamin D deficiency raises the risk of multiple sclerosis (MS).";
    const texts = [
      [
        "Vitamin D and multiple sclerosis",
        "Low vitamin D levels were associated with a higher risk of multiple sclerosis. Deficiency preceded onset.",
      ],
      ["Coffee and sleep", "Coffee intake shortened sleep in adults. The effect was small."],
      ["Sun exposure", "Sun exposure raises vitamin D levels in the skin."],
    ];
    const docs = texts.map(([title, text], i) => ({
      title: title!,
      text: text!,
      searchScore: 3 - i,
      sentences: text!.split(". ").map((s) => contentTerms(s)),
    }));
    const rows = rerankFeatures(claim, docs, idfWeights(docs.flatMap((d) => d.sentences)));
    assert.equal(rows.length, 3);
    for (const row of rows) assert.equal(row.length, RERANK_FEATURES.length);
    const column = (name: (typeof RERANK_FEATURES)[number]) => rows.map((r) => r[RERANK_FEATURES.indexOf(name)]!);
    assert.ok(column("title_coverage")[0]! > column("title_coverage")[1]!);
    assert.ok(column("claim_cosine")[0]! > column("claim_cosine")[2]!);
    assert.deepEqual(column("search_rank_reciprocal"), [1, 1 / 2, 1 / 3]);
    assert.equal(column("acronyms")[0], 1); // "MS": Multiple Sclerosis
    assert.equal(column("acronyms")[1], 0);
  });
});
