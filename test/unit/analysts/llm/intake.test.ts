// The LLM analyst's intake of a text: the model's claims, and every other sentence listed with its reason.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapIntake } from "../../../../src/analysts/llm/intake.js";
import type { IntakeOutput } from "../../../../src/analysts/llm/schemas.js";
import { LocalAnalyst } from "../../../../src/analysts/local/index.js";
import type { SentenceEncoder } from "../../../../src/domain/embedding.js";

const TEXT =
  "Regular coffee drinking lowers the risk of type 2 diabetes. Smoking during pregnancy doubles the risk of sudden infant death syndrome. " +
  "I think that is outrageous. Taking aspirin every day prevents colorectal cancer in all adults.";

const modelSaid = (claims: IntakeOutput["claims"]): IntakeOutput => ({
  kind: "text",
  title: "Coffee, smoking and aspirin",
  language: "en",
  claims,
  category: "health",
  entities: [],
});

const claim = (text: string, excerpt: string | null = null): IntakeOutput["claims"][number] => ({ text, excerpt, span: null });

describe("mapIntake of a text", async () => {
  // The local intake reads no vectors: an encoder that would throw if asked.
  const local = await new LocalAnalyst({} as SentenceEncoder).intake(TEXT);

  it("lists the sentences the model did not make claims, each with a reason, in the text's order", () => {
    const mapped = mapIntake(
      TEXT,
      modelSaid([
        // Reworded by the model, located by its excerpt.
        claim(
          "Drinking coffee regularly lowers the risk of type 2 diabetes.",
          "Regular coffee drinking lowers the risk of type 2 diabetes.",
        ),
        // Reworded, with no excerpt: matched by its words.
        claim("Daily aspirin prevents colorectal cancer in all adults."),
      ]),
      local,
    );
    assert.deepEqual(
      mapped.claims.map((c) => c.text),
      ["Drinking coffee regularly lowers the risk of type 2 diabetes.", "Daily aspirin prevents colorectal cancer in all adults."],
    );
    assert.deepEqual(mapped.unchecked, [
      { text: "Smoking during pregnancy doubles the risk of sudden infant death syndrome.", reason: "not-check-worthy" },
      { text: "I think that is outrageous.", reason: "opinion" },
    ]);
  });

  it("says which of the model's claims went past the limit", () => {
    const many = [
      "Claim one about vaccines and autism.",
      "Claim two about coffee.",
      "Claim three about smoking.",
      "Claim four about aspirin.",
      "Claim five about statins.",
      "Claim six about vitamin D.",
    ];
    const mapped = mapIntake(TEXT, modelSaid(many.map((t) => claim(t))), local);
    assert.equal(mapped.claims.length, 5);
    assert.deepEqual(
      mapped.unchecked?.filter((u) => u.reason === "over-limit"),
      [{ text: "Claim six about vitamin D.", reason: "over-limit" }],
    );
  });

  it("keeps the local intake's list when the model gave no usable claim", () => {
    const mapped = mapIntake(TEXT, modelSaid([claim("  ")]), local);
    assert.deepEqual(mapped.claims, local.claims);
    assert.deepEqual(mapped.unchecked, local.unchecked);
  });
});
