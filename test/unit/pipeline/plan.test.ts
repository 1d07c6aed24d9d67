// The plan stage: how recent the evidence of a time-sensitive question must be.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { recencyOf } from "../../../src/pipeline/plan.js";

describe("recencyOf", () => {
  it("reads how recent the evidence must be from the question", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    assert.equal(recencyOf("Who won the match yesterday?", now), 2);
    assert.equal(recencyOf("What happened this week in Congress?", now), 7);
    assert.equal(recencyOf("What is the latest unemployment rate?", now), 31);
    assert.equal(recencyOf("Who is the current prime minister of Japan?", now), 365);
    assert.equal(recencyOf("Did inflation fall in 2026?", now), 365);
    assert.equal(recencyOf("Did Napoleon die in 1821?", now), undefined);
    assert.equal(recencyOf("Is the Great Wall of China visible from space?", now), undefined);
  });
});
