// The polarity model's features: negation, opposites and numbers that set a passage against a claim.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { POLARITY_FEATURES, polarityFeatures } from "../../../../src/analysts/local/polarity-features.js";

describe("polarity features", () => {
  it("reads negation and opposites as contradiction", () => {
    const cue = (claim: string, passage: string, name: (typeof POLARITY_FEATURES)[number]) =>
      polarityFeatures(claim, passage, 1)[POLARITY_FEATURES.indexOf(name)];
    assert.equal(cue("Coffee causes cancer.", "Coffee does not cause cancer.", "negation_mismatch"), 1);
    assert.equal(cue("Coffee causes cancer.", "Coffee causes cancer in rats.", "negation_mismatch"), 0);
    assert.equal(
      cue("Coffee causes cancer.", "Coffee causes cancer when no filter is used.", "negation_mismatch"),
      0,
      "a negation that does not reach the claim's terms",
    );
    assert.equal(cue("Exercise increases lifespan.", "Exercise decreases lifespan.", "antonym"), 1);
    assert.equal(cue("Exercise increases lifespan.", "Exercise shortens and reduces lifespan.", "direction_disagree"), 1);
    // A denied fall disagrees with a claimed fall, and is not a rise that agrees with a claimed rise.
    assert.equal(
      cue("Vitamin C prevents the common cold.", "Vitamin C supplementation did not reduce the incidence of colds.", "direction_disagree"),
      1,
    );
    assert.equal(
      cue("Vitamin C prevents the common cold.", "Vitamin C supplementation did not reduce the incidence of colds.", "direction_agree"),
      0,
    );
    assert.equal(cue("Ivermectin shortens recovery.", "Ivermectin did not result in a shorter time to recovery.", "direction_disagree"), 1);
    assert.equal(cue("Statins raise mortality.", "Statins did not reduce mortality.", "direction_disagree"), 0);
    assert.equal(cue("Statins raise mortality.", "Statins did not reduce mortality.", "direction_agree"), 0);
    assert.equal(cue("Statins reduce mortality.", "Statins reduced mortality.", "direction_agree"), 1);
    assert.equal(cue("Statins do not reduce mortality.", "Statins reduced mortality.", "direction_disagree"), 1, "the claim denies it");
    assert.equal(cue("Statins do not reduce mortality.", "Statins did not lower mortality.", "direction_agree"), 1, "both deny it");
    assert.equal(cue("Statins do not reduce mortality.", "Statins did not lower mortality.", "direction_disagree"), 0);
    assert.equal(cue("The bridge is 300 metres long.", "The bridge is 450 metres long.", "number_mismatch"), 1);
  });
});
