// The stated confidence: the raw figure calibrated on decided verdicts, and capped.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claim } from "../../../../src/domain/report.js";
import { judgeEvidence } from "../../../../src/analysts/local/judge.js";
import { calibrateConfidence } from "../../../../src/analysts/local/confidence.js";
import { passage } from "../../../helpers/documents.js";
import { testEncoder } from "../../../helpers/encoder.js";

const claim: Claim = { id: "c1", text: "Local police can refuse ICE detainer requests." };

describe("calibrateConfidence", () => {
  it("states a calibrated confidence: higher for stronger raw evidence, only on decided verdicts, capped", async () => {
    const model = { about: "test", supported: [3, -1] as [number, number], refuted: [8, -2] as [number, number] };
    const weak = calibrateConfidence({ claimId: "c1", label: "supported", confidence: 0.3 }, model);
    const strong = calibrateConfidence({ claimId: "c1", label: "supported", confidence: 0.6 }, model);
    assert.ok(Math.abs(weak - 1 / (1 + Math.exp(-(3 * 0.3 - 1)))) < 1e-9);
    assert.ok(strong > weak);
    assert.equal(
      calibrateConfidence({ claimId: "c1", label: "unverified", confidence: 0.3 }, model),
      0.3,
      "an unverified verdict keeps its own figure",
    );
    // The shipped map: a single agreeing passage, calibrated, and the same without calibration.
    const evidence = [passage("a", "Local police can refuse ICE detainer requests.")];
    const raw = (await judgeEvidence([claim], evidence, testEncoder, { calibrate: false })).claims[0]!;
    const stated = (await judgeEvidence([claim], evidence, testEncoder)).claims[0]!;
    assert.equal(stated.label, raw.label);
    assert.equal(stated.confidence, Math.round(Math.min(0.85, calibrateConfidence(raw)) * 100) / 100);
    assert.ok(stated.confidence <= 0.85);
  });
});
