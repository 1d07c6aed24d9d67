import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { calibrationError } from "../../bench/quality/metrics.js";

describe("quality metrics: calibration error", () => {
  it("is 0 when each confidence bin is right as often as it says", () => {
    const honest = [
      ...Array.from({ length: 10 }, (_, i) => ({ right: i < 6, confidence: 0.6 })),
      ...Array.from({ length: 10 }, (_, i) => ({ right: i < 9, confidence: 0.9 })),
    ];
    assert.ok(calibrationError(honest) < 1e-9);
  });

  it("weighs each bin's gap by its size", () => {
    // 10 verdicts at 0.4 that are right 8 times (gap 0.4), 30 at 0.9 right 27 times (gap 0).
    const verdicts = [
      ...Array.from({ length: 10 }, (_, i) => ({ right: i < 8, confidence: 0.4 })),
      ...Array.from({ length: 30 }, (_, i) => ({ right: i < 27, confidence: 0.9 })),
    ];
    assert.ok(Math.abs(calibrationError(verdicts) - 0.1) < 1e-9);
    assert.equal(calibrationError([]), 0);
  });
});
