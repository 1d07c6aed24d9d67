import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claimParts, followUpQuestions } from "../../../../../src/analysts/local/write/follow-ups.js";

describe("claimParts", () => {
  it("turns a claim into the yes/no question it answers", () => {
    assert.equal(
      claimParts("Regular coffee drinking lowers the risk of type 2 diabetes.")?.question,
      "Does regular coffee drinking lower the risk of type 2 diabetes?",
    );
    assert.equal(claimParts("Vaccines cause autism.")?.question, "Do vaccines cause autism?");
    assert.equal(claimParts("Local police can refuse ICE detainer requests.")?.question, "Can local police refuse ICE detainer requests?");
    assert.equal(
      claimParts("The Great Wall of China is visible from space.", ["Great Wall of China"])?.question,
      "Is the Great Wall of China visible from space?",
    );
    assert.equal(claimParts("Is this a question?"), null);
  });
});

describe("followUpQuestions", () => {
  const claim = { id: "c1", text: "Taking aspirin every day prevents colorectal cancer in all adults." };
  it("asks about the group, the time and the risks the evidence raised, each once", () => {
    const questions = followUpQuestions(
      [
        {
          claim,
          judgement: { claimId: "c1", label: "refuted", confidence: 0.7 },
          passages: [
            { quote: "The benefit appeared only after ten years of use, in adults aged 50 to 59.", stance: "neutral" },
            { quote: "Daily aspirin increases the risk of bleeding in the stomach.", stance: "neutral" },
          ],
        },
      ],
      [],
      "health",
    );
    assert.deepEqual(questions, [
      "Does taking aspirin every day prevent colorectal cancer in adults aged 50 to 59?",
      "Does taking aspirin every day prevent colorectal cancer in all adults after ten years of use?",
      "What are the risks of taking aspirin every day?",
      "Where does the claim that taking aspirin every day prevents colorectal cancer in all adults come from?",
    ]);
  });

  it("does not ask by how much, or for whom, of an effect the evidence contradicts", () => {
    const questions = followUpQuestions(
      [
        {
          claim: { id: "c1", text: "Coffee lowers blood pressure." },
          judgement: { claimId: "c1", label: "refuted", confidence: 0.7 },
          passages: [],
        },
      ],
      [],
      "health",
    );
    assert.ok(!questions.some((q) => /^By how much|^For whom/.test(q)), questions.join(" | "));
    const supported = followUpQuestions(
      [
        {
          claim: { id: "c1", text: "Coffee lowers blood pressure." },
          judgement: { claimId: "c1", label: "supported", confidence: 0.7 },
          passages: [],
        },
      ],
      [],
      "health",
    );
    assert.deepEqual(supported, ["By how much does coffee lower blood pressure?", "For whom does coffee lower blood pressure?"]);
  });

  it("shares five questions among several claims, and asks nothing of an organisation it cannot place", () => {
    const many = ["Coffee lowers blood pressure.", "Tea lowers blood pressure.", "Cocoa lowers blood pressure."].map((text, i) => ({
      claim: { id: `c${i}`, text },
      judgement: { claimId: `c${i}`, label: "supported" as const, confidence: 0.7 },
      passages: [],
    }));
    const questions = followUpQuestions(many, ["BCG"], "health");
    assert.equal(questions.length, 5);
    assert.ok(questions.slice(0, 3).every((q, i) => q.startsWith("By how much") && q.includes(["coffee", "tea", "cocoa"][i]!)));
    assert.ok(!questions.some((q) => /BCG|official position/.test(q)));
  });
});
