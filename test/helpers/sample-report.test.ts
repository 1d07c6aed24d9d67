// The sample report the tests share is a valid report.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sampleReport } from "./sample-report.js";

describe("sampleReport", () => {
  it("validates overrides against the schema", () => {
    assert.throws(() => sampleReport({ verdict: { label: "true" as never, confidence: 2, headline: "" } }));
    assert.equal(sampleReport({ title: "Other" }).title, "Other");
  });
});
