// The words the renderers share.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatConfidence, formatDate } from "../../../src/render/words.js";

describe("words", () => {
  it("formats confidence as a rounded percentage and dates as YYYY-MM-DD", () => {
    assert.equal(formatConfidence(0.724), "72%");
    assert.equal(formatConfidence(1), "100%");
    assert.equal(formatDate("2024-05-01T23:10:00.000Z"), "2024-05-01");
    assert.equal(formatDate("2021-06"), "2021-06");
    assert.equal(formatDate("sometime"), "sometime");
  });
});
