// The rationale model's features: where a sentence stands in its document and what it reads like.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RATIONALE_FEATURES, rationaleFeatures, statesAnAim } from "../../../../src/analysts/local/rationale-features.js";
import { contentTerms, words } from "../../../../src/domain/text.js";

describe("rationale features", () => {
  const feature = (x: number[], name: (typeof RATIONALE_FEATURES)[number]) => x[RATIONALE_FEATURES.indexOf(name)];
  const sentence = (text: string, coverage: number, documentBest: number, rankInDocument: number) => ({
    text,
    tokens: words(text),
    terms: contentTerms(text),
    coverage,
    documentBest,
    rankInDocument,
    documentRelevance: 0.8,
    similarity: coverage,
    similarityBest: documentBest,
    similarityRank: rankInDocument,
    section: null,
  });
  const claimTerms = contentTerms("Aspirin lowers blood pressure.");

  it("places a sentence within its document and reads its finding, method and statistic words", () => {
    const finding = rationaleFeatures(claimTerms, sentence("We found that aspirin lowers blood pressure (p < 0.05).", 0.8, 0.8, 0));
    assert.equal(feature(finding, "document_best"), 1);
    assert.equal(feature(finding, "coverage_vs_document_best"), 1);
    assert.equal(feature(finding, "has_statistic"), 1);
    assert.equal(feature(finding, "claim_bigrams"), 1, "every claim bigram (aspirin lower, lower blood, blood pressur) is there");
    assert.ok(feature(finding, "finding_cues")! >= 1);
    const method = rationaleFeatures(claimTerms, sentence("We measured blood pressure in patients using aspirin.", 0.4, 0.8, 2));
    assert.equal(feature(method, "document_best"), 0);
    assert.equal(feature(method, "coverage_vs_document_best"), 0.5);
    assert.equal(feature(method, "coverage_rank_in_document"), 0.4);
    assert.ok(feature(method, "method_cues")! >= 2);
    assert.equal(feature(method, "has_statistic"), 0);
    assert.equal(feature(method, "document_relevance"), 0.8);
    assert.equal(feature(method, "similarity"), 0.4, "the encoder's similarity beside the words'");
    assert.equal(feature(method, "similarity_best_in_document"), 0);
  });

  it("tells a study's aim and method from its finding, by section label or by wording", () => {
    const aim = rationaleFeatures(claimTerms, {
      ...sentence("To investigate whether aspirin lowers blood pressure.", 0.9, 0.9, 0),
      section: "aim",
    });
    assert.equal(feature(aim, "section_aim"), 1);
    assert.equal(feature(aim, "states_an_aim"), 1);
    const unlabelled = rationaleFeatures(claimTerms, sentence("We aimed to assess whether aspirin lowers blood pressure.", 0.9, 0.9, 0));
    assert.equal(feature(unlabelled, "states_an_aim"), 1);
    const result = rationaleFeatures(claimTerms, {
      ...sentence("Aspirin lowered blood pressure by 5 mmHg.", 0.7, 0.9, 1),
      section: "finding",
    });
    assert.equal(feature(result, "section_finding"), 1);
    assert.equal(feature(result, "states_an_aim"), 0);
  });

  it("reads a study's or a review's aim in the words abstracts use for it", () => {
    for (const aim of [
      "This study was conducted to investigate whether women at higher risk could be identified by testing for HPV.",
      "Here, we discuss the implications of metformin's targets for the treatment of cancer.",
      "The present study was designed to test whether statins lower mortality.",
      "This review summarizes the evidence on vitamin D and fractures.",
      "In this review, we address the natural history of obesity in children and the approaches to its prevention.",
      "In this study, we investigated the inhibitory effects of silver nanoparticles.",
      "This review will focus on the expression of PD-1 and PD-L1.",
    ])
      assert.equal(statesAnAim(aim), true, aim);
    for (const finding of [
      "This study shows that statins lower mortality.",
      "We found that metformin reduced cancer incidence by 30%.",
      "Here we show that the degree of protection depends on the dose.",
      "In this study, we show that replication stress is suppressed.",
      "The risk of developing CIN 3 or cancer remained elevated throughout the study.",
    ])
      assert.equal(statesAnAim(finding), false, finding);
  });
});
