// The local judge: each passage's stance, and the verdict the stances add up to.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claim } from "../../../../src/domain/report.js";
import { JUDGE_SETTINGS, judgeEvidence } from "../../../../src/analysts/local/judge.js";
import type { Evidence } from "../../../../src/domain/analysis.js";
import { passage } from "../../../helpers/documents.js";
import { testEncoder } from "../../../helpers/encoder.js";

const claim: Claim = { id: "c1", text: "Local police can refuse ICE detainer requests." };
const judge = (claims: Claim[], evidence: Evidence[]) => judgeEvidence(claims, evidence, testEncoder);

describe("local judge", async () => {
  it("is unverified, with low confidence, when there is no evidence", async () => {
    const j = await judge([claim], []);
    assert.equal(j.overall.label, "unverified");
    assert.ok(j.overall.confidence <= 0.35);
  });

  it("supports with agreeing evidence, refutes with contradicting evidence, and calls a split conflicting", async () => {
    const yes = await judge(
      [claim],
      [passage("a", "Local police can refuse ICE detainer requests."), passage("b", "Police can refuse ICE detainer requests locally.")],
    );
    assert.equal(yes.overall.label, "supported");
    const no = await judge([claim], [passage("a", "Local police cannot refuse ICE detainer requests.")]);
    assert.equal(no.evidence[0]!.stance, "refutes");
    assert.equal(no.overall.label, "refuted");
    const split = await judge(
      [claim],
      [passage("a", "Local police can refuse ICE detainer requests."), passage("b", "Local police cannot refuse ICE detainer requests.")],
    );
    assert.equal(split.overall.label, "conflicting");
  });

  it("lets a passage take a side only when its document is about the claim and it is about as likely to state the finding as the best", async () => {
    const offTopicDocument = await judge(
      [claim],
      [passage("a", "Local police can refuse ICE detainer requests.", { bearing: 0.6, documentRelevance: 0.2 })],
    );
    assert.equal(offTopicDocument.evidence[0]!.stance, "neutral");
    assert.equal(offTopicDocument.overall.label, "unverified");
    const unlikely = await judge(
      [claim],
      [passage("a", "Local police can refuse ICE detainer requests.", { bearing: 0.02, documentRelevance: 0.9 })],
    );
    assert.equal(unlikely.evidence[0]!.stance, "neutral", "a passage the rationale model finds unlikely to state the finding is context");
    const looser = await judge(
      [claim],
      [
        passage("a", "Local police can refuse ICE detainer requests.", { bearing: 0.6, documentRelevance: 0.9 }),
        passage("b", "Police cannot refuse requests.", { bearing: 0.3, documentRelevance: 0.9 }),
      ],
    );
    assert.deepEqual(
      looser.evidence.map((e) => e.stance),
      ["supports", "neutral"],
    );
    assert.equal(looser.overall.label, "supported");
    const aim = await judge([claim], [{ ...passage("a", "Local police cannot refuse ICE detainer requests."), aimOrMethod: true }]);
    assert.equal(aim.evidence[0]!.stance, "neutral", "a study's aim or method is context, whatever it reads like");
    assert.equal(aim.overall.label, "unverified");
  });

  it("gives no side to a passage whose side is a coin flip, however squarely it bears on the claim", async () => {
    const smoking: Claim = { id: "c1", text: "Smoking causes lung cancer." };
    const evidence = [
      passage(
        "a",
        "Continued smoking was associated with a significantly increased risk of all cause mortality (hazard ratio 2.94, 95% confidence interval 1.15 to 7.54) and recurrence (1.86, 1.01 to 3.41) in early stage non-small cell lung cancer and of all cause mortality (1.86, 1.33 to 2.59), development of a second primary tumour (4.31, 1.09 to 16.98), and recurrence (1.26, 1.06 to 1.50) in limited stage small cell lung cancer.",
        { bearing: 0.87, documentRelevance: 1 },
      ),
      passage(
        "b",
        "Among individuals who smoke 15 or more cigarettes per day, smoking reduction by 50% significantly reduces the risk of lung cancer.",
        { bearing: 0.63, documentRelevance: 1 },
      ),
    ];
    // Measured on the SciFact library: the first passage alone made "refuted" at a stated 80%.
    const j = await judge([smoking], evidence);
    assert.equal(j.evidence[0]!.stance, "neutral");
    assert.equal(j.overall.label, "supported");
    const anySide = await judgeEvidence([smoking], evidence, testEncoder, { settings: { ...JUDGE_SETTINGS, minCertainty: 0 } });
    assert.equal(anySide.evidence[0]!.stance, "refutes", "without the rule the coin flip takes a side");
    assert.equal(anySide.overall.label, "refuted");
  });
});
