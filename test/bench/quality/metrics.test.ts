// bench/quality/metrics.ts: the quality benchmark's metrics (calibration error, intervals, anchors, ROC AUC).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  accuracyInterval,
  bootstrapInterval,
  calibrationError,
  calibrationErrorByChance,
  majorityAnchor,
  oracleThresholdAccuracy,
  rocAuc,
} from "../../../bench/quality/metrics.js";

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

  it("by chance alone, shrinks as verdicts grow in number and is 0 for certain ones", () => {
    const stated = (n: number) => Array.from({ length: n }, (_, i) => 0.5 + (0.4 * i) / n);
    const few = calibrationErrorByChance(stated(100));
    const many = calibrationErrorByChance(stated(10_000));
    // About sqrt(p(1-p)/n) per bin: some 0.1 on a hundred verdicts in ten bins, 0.01 on ten thousand.
    assert.ok(few > 0.05 && few < 0.15, `a hundred verdicts: ${few}`);
    assert.ok(many < 0.02, `ten thousand verdicts: ${many}`);
    assert.equal(calibrationErrorByChance([1, 1, 1]), 0);
    assert.equal(calibrationErrorByChance(stated(100)), few, "the same on every run");
  });
});

describe("quality metrics: bootstrap interval", () => {
  const outcomes = Array.from({ length: 200 }, (_, i) => i % 5 !== 0); // 80% right
  const share = (sample: boolean[]) => sample.filter(Boolean).length / sample.length;

  it("brackets the figure, about as wide as the binomial interval, and the same on every run", () => {
    const [lo, hi] = bootstrapInterval(outcomes, share);
    assert.ok(lo < 0.8 && hi > 0.8, `${lo}–${hi}`);
    // The normal approximation: 0.8 ± 1.96 × sqrt(0.8 × 0.2 / 200) = 0.745–0.855.
    assert.ok(Math.abs(lo - 0.745) < 0.02 && Math.abs(hi - 0.855) < 0.02, `${lo}–${hi}`);
    assert.deepEqual(bootstrapInterval(outcomes, share), [lo, hi]);
  });

  it("narrows as the set grows, and is a point when every claim agrees", () => {
    const small = bootstrapInterval(outcomes.slice(0, 50), share);
    const large = bootstrapInterval([...outcomes, ...outcomes, ...outcomes, ...outcomes], share);
    assert.ok(large[1] - large[0] < small[1] - small[0]);
    assert.deepEqual(bootstrapInterval([true, true, true], share), [1, 1]);
    assert.deepEqual(bootstrapInterval([], share), [0, 0]);
  });

  it("accuracyInterval resamples gold and prediction together", () => {
    const gold = ["a", "b", "a", "b"];
    assert.deepEqual(accuracyInterval(gold, gold), [1, 1]);
    assert.deepEqual(accuracyInterval(gold, ["b", "a", "b", "a"]), [0, 0]);
  });
});

describe("quality metrics: majority-class anchor", () => {
  it("is the share of the commonest gold label, ties broken by name so the line is stable", () => {
    assert.equal(majorityAnchor(["REFUTES", "SUPPORTS", "SUPPORTS", "NEI"]), 'always "SUPPORTS" 0.5 (majority class)');
    assert.equal(majorityAnchor(["b", "a", "b", "a"]), 'always "a" 0.5 (majority class)');
    assert.equal(majorityAnchor(["x", "y", "y"]), 'always "y" 0.667 (majority class)');
    assert.equal(majorityAnchor([]), 'always "none" 0 (majority class)');
  });
});

describe("quality metrics: ROC AUC and the oracle threshold", () => {
  it("is 1 when every positive outscores every negative, 0 when reversed, 0.5 when all tie", () => {
    assert.equal(rocAuc([3, 4], [1, 2]), 1);
    assert.equal(rocAuc([1, 2], [3, 4]), 0);
    assert.equal(rocAuc([1, 1], [1, 1, 1]), 0.5);
  });

  it("counts ties between the classes as half, like the pairwise definition", () => {
    const pos = [0.9, 0.5, 0.5, 0.2],
      neg = [0.5, 0.3, 0.1];
    let pairs = 0;
    for (const p of pos) for (const n of neg) pairs += p > n ? 1 : p === n ? 0.5 : 0;
    assert.equal(rocAuc(pos, neg), pairs / (pos.length * neg.length));
  });

  it("finds the cut that separates the classes, and never does worse than calling everything one class", () => {
    assert.deepEqual(oracleThresholdAccuracy([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), { accuracy: 1, threshold: 0.8 });
    // A useless score: the best cut is the majority class (3 of 4 positive).
    const useless = oracleThresholdAccuracy([0.5, 0.5, 0.5, 0.5], [true, true, true, false]);
    assert.equal(useless.accuracy, 0.75);
    // All negative is reachable too: cut above every score.
    assert.equal(oracleThresholdAccuracy([0.3, 0.6], [false, false]).accuracy, 1);
  });
});
