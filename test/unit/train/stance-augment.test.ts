// The pairs the stance training makes from the public sets' own: negations and reversals of
// supported claims are refutations; another group's evidence is unrelated; a claim reported as found
// supports it, reported as not found refutes it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { augmentStancePairs, negateClaim, reported, reverseClaim } from "../../../scripts/train/stance-augment.js";
import type { StancePair } from "../../../scripts/train/stance-sets.js";

describe("stance training pairs made from the sets", () => {
  it("negates a claim after its first auxiliary, and leaves a negative or auxiliary-less claim alone", () => {
    assert.equal(negateClaim("Local police can refuse ICE requests."), "Local police can not refuse ICE requests.");
    assert.equal(negateClaim("The vaccine is effective."), "The vaccine is not effective.");
    assert.equal(negateClaim("The vaccine isn't effective."), null);
    assert.equal(negateClaim("Statins reduce mortality."), null);
  });

  it("turns a claim's first direction word the other way, keeping its capital", () => {
    assert.equal(reverseClaim("Coffee lowers the risk of diabetes."), "Coffee raises the risk of diabetes.");
    assert.equal(reverseClaim("Statins reduce all-cause mortality."), "Statins increase all-cause mortality.");
    assert.equal(reverseClaim("Higher doses work better."), "Lower doses work better.");
    assert.equal(reverseClaim("Aspirin does not reduce risk."), null);
    assert.equal(reverseClaim("Paris is the capital of France."), null);
  });

  it("makes refutations only from gold supported pairs, the same on every run", () => {
    const pairs: StancePair[] = Array.from({ length: 40 }, (_, i) => ({
      dataset: "scifact",
      group: `g${i}`,
      claim: `Drug ${i} can reduce mortality.`,
      evidence: `Drug ${i} reduced mortality in the trial.`,
      label: i % 4 === 3 ? "refutes" : "supports",
      silver: i % 4 === 2,
      shippable: true,
      split: "train",
      sourceSplit: "scifact/train",
      labelSpace: "3way",
    }));
    const made = augmentStancePairs(pairs);
    assert.deepEqual(augmentStancePairs(pairs), made);
    const refutations = made.filter((p) => p.label === "refutes");
    assert.ok(refutations.length > 0);
    for (const p of refutations) {
      const source = pairs.find((q) => q.group === p.group)!;
      assert.equal(source.label, "supports");
      assert.equal(source.silver, false);
      assert.ok(/\b(not|no)\b|increase/.test(p.claim) || /\b(not|no)\b|increase/.test(p.evidence), p.claim);
    }
    for (const p of made.filter((q) => q.label === "neutral")) {
      assert.ok(!p.evidence.startsWith(`Drug ${p.group.slice(1)} `), "unrelated evidence comes from another group");
    }
  });

  it("reports a claim as a finding: inside a frame it keeps its side, under a negating frame or negated it turns", () => {
    assert.equal(reported("Studies found that", "Coffee causes cancer.", "scifact"), "Studies found that coffee causes cancer.");
    // A Wikipedia claim opens with a name, whose capital stays.
    assert.equal(
      reported("It was found that", "Nikolaj Coster-Waldau worked with Fox.", "fever-lite"),
      "It was found that Nikolaj Coster-Waldau worked with Fox.",
    );
    const claim = "Drug 1 can reduce mortality.";
    const pairs: StancePair[] = Array.from({ length: 200 }, (_, i) => ({
      dataset: "scifact",
      group: `g${i}`,
      claim: i === 0 ? claim : `Drug ${i} can reduce mortality.`,
      evidence: `Drug ${i} reduced mortality in the trial.`,
      label: "supports",
      silver: false,
      shippable: true,
      split: "train",
      sourceSplit: "scifact/train",
      labelSpace: "3way",
    }));
    const framed = augmentStancePairs(pairs).filter((p) => / that /.test(p.evidence) || p.claim === p.evidence);
    assert.ok(framed.length > 0, "some claims are reported");
    for (const p of framed) {
      const claimNegated = /\bnot\b/.test(p.claim);
      const evidenceTurned = /\b(not|no)\b|failed|increase/.test(p.evidence);
      assert.equal(p.label, claimNegated === evidenceTurned ? "supports" : "refutes", `${p.claim} | ${p.evidence}`);
      assert.equal(p.silver, false);
    }
  });
});
