import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wordingAnalysis, wordingHeading } from "../../../../../src/analysts/local/write/wording.js";

describe("wordingAnalysis: the statement as put", () => {
  it("names absolute terms, an effect without a size, loaded words and unnamed authorities", () => {
    const findings = wordingAnalysis("Experts say this shocking pill always lowers cholesterol.", "claim", [], "refuted");
    assert.deepEqual(findings, [
      "It uses the absolute term “always”, which admits no exception: one counter-example is enough to make it false.",
      "It says “lowers” without saying by how much, so a small effect and a large one read the same.",
      "It uses a loaded word (“shocking”) that pushes a conclusion instead of stating a fact.",
      "It rests on unnamed authorities (“experts say”, “studies show”), which cannot be checked.",
      "Repeating the statement as worded would spread a claim that the evidence above does not bear out in full.",
    ]);
  });

  it("says who is quoted, and takes “every day” for a frequency, not an absolute", () => {
    assert.deepEqual(wordingAnalysis("According to the CDC, flu shots every day are needed.", "claim", [], "supported"), [
      "It rests on what the CDC says: the check weighs the evidence, not the speaker.",
    ]);
  });

  it("reads a text claim by claim, and only the claims checked", () => {
    const claims = [
      { id: "c1", text: "Taking aspirin every day prevents colorectal cancer in all adults." },
      { id: "c2", text: "Smoking during pregnancy doubles the risk of sudden infant death syndrome." },
    ];
    const findings = wordingAnalysis(
      `This outrageous scandal must end. ${claims.map((c) => c.text).join(" ")}`,
      "text",
      claims,
      "supported",
    );
    assert.deepEqual(findings, [
      "The claim “Taking aspirin every day prevents colorectal cancer in all adults” uses the absolute term “all”, which admits no exception: one counter-example is enough to make it false.",
    ]);
  });

  it("finds a neutral question neutral", () => {
    assert.deepEqual(wordingAnalysis("Can local police refuse ICE detainer requests?", "question", [], "supported"), [
      "The question is worded neutrally: it uses no loaded or absolute terms and does not presume its answer.",
    ]);
  });
});

describe("wordingHeading", () => {
  it("says what was found in a few words, or that the wording is neutral", () => {
    assert.equal(
      wordingHeading("Experts say this shocking pill always lowers cholesterol.", "claim", []),
      "Absolute terms, an effect without a size, loaded words and unnamed authorities",
    );
    assert.equal(wordingHeading("Can local police refuse ICE detainer requests?", "question", []), "Worded neutrally");
  });
});
