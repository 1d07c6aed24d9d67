// The re-ranker's features of a document for the claims.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentTerms } from "../../../../src/domain/text.js";
import { idfWeights } from "../../../../src/analysts/local/relevance.js";
import { RERANK_FEATURES, rerankFeatures } from "../../../../src/analysts/local/rerank-features.js";

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
