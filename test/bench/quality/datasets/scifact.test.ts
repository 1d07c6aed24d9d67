import assert from "node:assert/strict";
import { test } from "node:test";
import { abstractLevel, abstractPairs } from "../../../../bench/quality/datasets/scifact.js";

test("SciFact's abstract level counts only the sources that side with the verdict, at most three", () => {
  const gold = new Map([
    ["sf-1", "SUPPORT"],
    ["sf-2", "CONTRADICT"],
  ]);
  const sources = [
    { id: "sf-1", stance: "supports" as const },
    { id: "sf-2", stance: "supports" as const },
    { id: "sf-3", stance: "refutes" as const },
    { id: "sf-4", stance: "supports" as const },
    { id: "sf-5", stance: "supports" as const },
  ];
  assert.deepEqual(abstractPairs("supported", sources, gold), { predicted: 3, gold: 2, correct: 1 });
  assert.deepEqual(abstractPairs("refuted", sources, gold), { predicted: 1, gold: 2, correct: 0 });
  assert.deepEqual(abstractPairs("unverified", sources, gold), { predicted: 0, gold: 2, correct: 0 });
  const { precision, recall, f1 } = abstractLevel([{ predicted: 3, gold: 2, correct: 1 }]);
  assert.equal(precision, 1 / 3);
  assert.equal(recall, 1 / 2);
  assert.ok(Math.abs(f1 - 0.4) < 1e-12);
});
