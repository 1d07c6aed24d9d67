// The stance model on plain findings a reader would check at once (bench/quality/datasets/plain-findings.json:
// 48 claims of our own, each beside a passage that plainly supports or refutes it, never trained on).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { STANCE_MODEL } from "../../../../src/analysts/local/models/index.js";
import { predictMlp } from "../../../../src/analysts/local/models/mlp.js";
import { stanceFeatures } from "../../../../src/analysts/local/stance-features.js";
import { testEncoder } from "../../../helpers/encoder.js";
import { loadPlainFindings } from "../../../../bench/quality/datasets/plain-findings.js";

async function side(claim: string, passage: string): Promise<"supports" | "refutes"> {
  const [c, p] = await testEncoder.embed([claim, passage]);
  const chances = predictMlp(STANCE_MODEL, stanceFeatures(claim, c!, passage, p!));
  return chances.supports! >= chances.refutes! ? "supports" : "refutes";
}

describe("stance model on plain findings", () => {
  it("reads a reported negation as refuting and the claim itself, negated or not, as supporting", async () => {
    assert.equal(await side("Coffee causes cancer.", "Large cohort studies found that coffee does not cause cancer."), "refutes");
    assert.equal(await side("Coffee causes cancer.", "Large cohort studies found that coffee causes cancer."), "supports");
    assert.equal(
      await side(
        "Homeopathy is no more effective than placebo.",
        "A review of the evidence concluded that homeopathy is no more effective than placebo.",
      ),
      "supports",
    );
  });

  // The shipped model (stance v7) is right on 45; the model before the reported-finding pairs on 30.
  it("takes the right side for at least 43 of the 48 pairs (the shipped model's figure, less two)", async () => {
    const pairs = await loadPlainFindings();
    let right = 0;
    for (const pair of pairs) if ((await side(pair.claim, pair.passage)) === pair.stance) right++;
    assert.ok(right >= 43, `${right} of ${pairs.length} on the right side`);
  });
});
