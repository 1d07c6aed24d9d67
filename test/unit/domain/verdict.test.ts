// The verdict a claim's judged passages add up to.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claim } from "../../../src/domain/report.js";
import { verdictFor } from "../../../src/domain/verdict.js";

const claim: Claim = { id: "c1", text: "Local police can refuse ICE detainer requests." };

describe("verdictFor", () => {
  it("gives more confidence to more agreeing evidence", () => {
    const one = verdictFor(claim, [{ evidenceId: "a", stance: "supports", weight: 0.7 }]);
    const three = verdictFor(
      claim,
      [0.7, 0.7, 0.7].map((weight, i) => ({ evidenceId: String(i), stance: "supports" as const, weight })),
    );
    assert.equal(one.label, "supported");
    assert.ok(three.confidence > one.confidence);
    assert.ok(three.confidence <= 0.85);
  });

  it("marks an absolute claim met by some counter-evidence as misleading", () => {
    const v = verdictFor({ id: "c1", text: "Vaccines always prevent infection." }, [
      { evidenceId: "a", stance: "supports", weight: 0.9 },
      { evidenceId: "b", stance: "supports", weight: 0.8 },
      { evidenceId: "c", stance: "refutes", weight: 0.4 },
    ]);
    assert.equal(v.label, "misleading");
  });
});
