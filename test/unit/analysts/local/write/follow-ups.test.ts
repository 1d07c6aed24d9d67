import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claimParts, followUpQuestions } from "../../../../../src/analysts/local/write/follow-ups.js";
import { phrasesIn } from "../../../../../src/analysts/local/write/phrases.js";
import { detectLanguage } from "../../../../../src/analysts/local/input/language.js";
import type { Locale } from "../../../../../src/domain/locale.js";

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

  it("asks in the claim's language, so that each question, checked in turn, is read as that language", async () => {
    const claims: Record<Exclude<Locale, "en">, string> = {
      es: "El café reduce la presión arterial.",
      fr: "Le café réduit la tension artérielle.",
      de: "Kaffee senkt den Blutdruck.",
      pt: "O café reduz a pressão arterial.",
    };
    for (const [locale, text] of Object.entries(claims) as [Exclude<Locale, "en">, string][]) {
      const asked = (label: "supported" | "refuted" | "conflicting" | "unverified", category = "health") =>
        followUpQuestions(
          [
            {
              claim: { id: "c1", text },
              judgement: { claimId: "c1", label, confidence: 0.7 },
              passages: [{ quote: "Coffee drinking is associated with lower blood pressure.", stance: "supports" }],
            },
          ],
          [],
          category,
          phrasesIn(locale),
        );
      const supported = asked("supported");
      assert.equal(supported.length, 3, `${locale}: by how much, cause or association, for whom: ${supported.join(" | ")}`);
      const refuted = asked("refuted");
      assert.equal(refuted.length, 2, `${locale}: where it comes from, why it is believed: ${refuted.join(" | ")}`);
      const rules = asked("conflicting", "justice");
      assert.equal(rules.length, 3, `${locale}: why sources disagree, where, since when: ${rules.join(" | ")}`);
      const unverified = asked("unverified");
      assert.equal(unverified.length, 1, `${locale}: what evidence there is: ${unverified.join(" | ")}`);
      for (const q of [...supported, ...refuted, ...rules, ...unverified]) {
        assert.equal(await detectLanguage(q), locale, q);
        assert.ok(!/[A-Z]{2}|undefined/.test(q), q);
      }
      assert.equal(new Set([...supported, ...refuted, ...rules, ...unverified]).size, 9, "each different");
    }
    // German quotes the claim (a "dass" clause would need its verb last); the others make it a clause.
    assert.equal(
      followUpQuestions(
        [{ claim: { id: "c1", text: claims.de }, judgement: { claimId: "c1", label: "refuted", confidence: 0.7 }, passages: [] }],
        [],
        "health",
        phrasesIn("de"),
      )[0],
      "Woher stammt die Behauptung „Kaffee senkt den Blutdruck“?",
    );
    assert.equal(
      followUpQuestions(
        [{ claim: { id: "c1", text: claims.es }, judgement: { claimId: "c1", label: "refuted", confidence: 0.7 }, passages: [] }],
        [],
        "health",
        phrasesIn("es"),
      )[0],
      "¿De dónde procede la afirmación de que el café reduce la presión arterial?",
    );
  });

  it("asks nothing of a claim that is itself an open question", () => {
    const questions = followUpQuestions(
      [
        {
          claim: { id: "c1", text: "Qué dijo el ministro sobre las vacunas." },
          judgement: { claimId: "c1", label: "refuted", confidence: 0.7 },
          passages: [],
        },
      ],
      [],
      "health",
      phrasesIn("es"),
    );
    assert.deepEqual(questions, []);
  });
});
