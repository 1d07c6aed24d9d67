import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { passagesOf, sectionLabel } from "../../../src/domain/passages.js";

describe("passagesOf", () => {
  const abstract =
    "OBJECTIVES To investigate whether statins reduce all cause mortality. METHODS We pooled 14 trials. " +
    "RESULTS Treatment with statins significantly reduced the risk of all cause mortality. The effect held in women. " +
    "DNA Damage was not measured.";

  it("leaves a structured abstract's section labels out of its passages, which stay verbatim slices", () => {
    const passages = passagesOf(abstract);
    assert.deepEqual(
      passages.map((p) => p.text),
      [
        "To investigate whether statins reduce all cause mortality.",
        "We pooled 14 trials.",
        "Treatment with statins significantly reduced the risk of all cause mortality.",
        "The effect held in women.",
        "DNA Damage was not measured.",
      ],
    );
    for (const p of passages) assert.equal(abstract.slice(p.start, p.end), p.text);
  });

  it("knows which section each sentence is in, also after the label's own sentence", () => {
    assert.deepEqual(
      passagesOf(abstract).map((p) => p.section),
      ["aim", "method", "finding", "finding", "finding"],
    );
    assert.deepEqual(
      passagesOf("Coffee is popular. Many drink it daily.").map((p) => p.section),
      [null, null],
    );
  });

  it("takes only label words as a label: acronyms and ordinary capitals stay in the sentence", () => {
    assert.equal(sectionLabel("HIV Infection rates fell."), null);
    assert.equal(sectionLabel("DNA methylation rose."), null);
    assert.deepEqual(sectionLabel("DESIGN, SETTING, AND PARTICIPANTS Cohort study of 500 adults."), { kind: "method", length: 34 });
    assert.deepEqual(sectionLabel("CONCLUSIONS AND RELEVANCE In this trial, X helped."), { kind: "finding", length: 26 });
    assert.equal(sectionLabel("RESULTS"), null, "a label alone is not a sentence to quote");
    assert.deepEqual(sectionLabel("RESULTS HIV infection rates fell."), { kind: "finding", length: 8 }, "the acronym opens the sentence");
    assert.deepEqual(sectionLabel("CONCLUSIONS: HAND2 methylation is common."), { kind: "finding", length: 13 });
  });

  it("takes title-case labels as journals print them, only when a sentence follows and the label names a section", () => {
    assert.deepEqual(sectionLabel("Summary Background Statins are widely used."), { kind: "aim", length: 19 });
    assert.deepEqual(sectionLabel("Interpretation Statins reduce mortality."), { kind: "finding", length: 15 });
    assert.deepEqual(sectionLabel("Main Outcome Measures Death from any cause."), { kind: "method", length: 22 });
    assert.deepEqual(sectionLabel("Abstract Simultaneously evaluating viability is hard."), { kind: "other", length: 9 });
    assert.equal(sectionLabel("Methods for measuring sodium vary."), null, "a lower-case word follows");
    assert.equal(sectionLabel("Results of the trial were mixed."), null);
    assert.equal(sectionLabel("Recent Advances in imaging helped."), null, "the label names no section");
    assert.equal(sectionLabel("The Results were mixed."), null);
    assert.equal(sectionLabel("Introduction of Bt maize raised yields."), null, "a label does not end on a joining word");
    assert.deepEqual(
      passagesOf("Summary Background Statins are used. Findings Statins reduced deaths. Interpretation Use them.").map((p) => [
        p.text,
        p.section,
      ]),
      [
        ["Statins are used.", "aim"],
        ["Statins reduced deaths.", "finding"],
        ["Use them.", "finding"],
      ],
    );
  });

  it("skips text with no letters and over-long runs", () => {
    assert.deepEqual(passagesOf("12 34 56. Real words here."), [{ text: "Real words here.", start: 10, end: 26, section: null }]);
    assert.equal(passagesOf("x".repeat(1_300)).length, 0);
  });
});
