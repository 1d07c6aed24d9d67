// The re-ranker's features of a document for the claims.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentTerms } from "../../../../src/domain/text.js";
import { idfWeights } from "../../../../src/analysts/local/relevance.js";
import {
  LEXICAL_RERANK_FEATURES,
  SIMILARITY_RERANK_FEATURES,
  rerankFeatures,
  similarityFeatures,
} from "../../../../src/analysts/local/rerank-features.js";

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
    for (const row of rows) assert.equal(row.length, LEXICAL_RERANK_FEATURES.length);
    const column = (name: (typeof LEXICAL_RERANK_FEATURES)[number]) => rows.map((r) => r[LEXICAL_RERANK_FEATURES.indexOf(name)]!);
    assert.ok(column("title_coverage")[0]! > column("title_coverage")[1]!);
    assert.ok(column("claim_cosine")[0]! > column("claim_cosine")[2]!);
    assert.deepEqual(column("search_rank_reciprocal"), [1, 1 / 2, 1 / 3]);
    assert.equal(column("acronyms")[0], 1); // "MS": Multiple Sclerosis
    assert.equal(column("acronyms")[1], 0);
  });

  it("adds, from the encoder's cosines, each document's title and best passages against the pool's best", () => {
    // Cosines of the claim with three titles, and with the passages the encoder read of each document.
    const rows = similarityFeatures([0.7, 0.2, 0.4], [[0.8, 0.5, 0.6], [0.3], []]);
    assert.equal(rows.length, 3);
    for (const row of rows) assert.equal(row.length, SIMILARITY_RERANK_FEATURES.length);
    const column = (name: (typeof SIMILARITY_RERANK_FEATURES)[number]) => rows.map((r) => r[SIMILARITY_RERANK_FEATURES.indexOf(name)]!);
    assert.deepEqual(column("title_similarity"), [0.7, 0.2, 0.4]);
    assert.deepEqual(column("best_passage_similarity"), [0.8, 0.3, 0]);
    assert.deepEqual(column("second_passage_similarity"), [0.6, 0, 0]);
    assert.deepEqual(column("best_similarity_rank_reciprocal"), [1, 1 / 2, 1 / 3]);
    assert.ok(Math.abs(column("best_similarity_vs_pool")[1]! + 0.5) < 1e-9);
  });
});
