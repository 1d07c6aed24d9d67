// The words the renderers share.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatConfidence, formatDate, verdictLine } from "../../../src/render/words.js";

describe("words", () => {
  it("formats confidence as a rounded percentage and dates as YYYY-MM-DD", () => {
    assert.equal(formatConfidence(0.724), "72%");
    assert.equal(formatConfidence(1), "100%");
    assert.equal(formatDate("2024-05-01T23:10:00.000Z"), "2024-05-01");
    assert.equal(formatDate("2021-06"), "2021-06");
    assert.equal(formatDate("sometime"), "sometime");
  });

  it("says the verdict once before the headline, whether or not the headline begins with it", () => {
    assert.equal(
      verdictLine("supported", "Supported: the evidence found supports the claim [1]."),
      "Supported: the evidence found supports the claim.",
    );
    assert.equal(verdictLine("refuted", "The evidence contradicts it [2]."), "Refuted: The evidence contradicts it.");
    assert.equal(verdictLine("supported", "Yes: local police can refuse."), "Supported: Yes: local police can refuse.");
    assert.equal(verdictLine("misleading", "misleading — true in part."), "Misleading: true in part.");
    assert.equal(verdictLine("unverified", ""), "Unverified");
  });
});
