// Questions in Spanish, French, German and Portuguese become the claims they imply, with a category.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { questionToClaimIn } from "../../../../../src/analysts/local/input/questions.js";
import { extractClaims } from "../../../../../src/analysts/local/input/claims.js";
import { pickCategory } from "../../../../../src/analysts/local/input/category.js";

describe("questionToClaimIn", () => {
  it("states a Spanish or Portuguese question in its own word order, without the marks", () => {
    assert.equal(questionToClaimIn("es", "¿El café reduce el riesgo de diabetes?"), "El café reduce el riesgo de diabetes.");
    assert.equal(questionToClaimIn("es", "¿Es cierto que las vacunas causan autismo?"), "Las vacunas causan autismo.");
    assert.equal(questionToClaimIn("pt", "É verdade que a Terra é plana?"), "A Terra é plana.");
    assert.equal(questionToClaimIn("pt", "O aquecimento global é causado pelo homem?"), "O aquecimento global é causado pelo homem.");
  });

  it("drops French inversion and est-ce que", () => {
    assert.equal(questionToClaimIn("fr", "Le café réduit-il le risque de diabète ?"), "Le café réduit le risque de diabète.");
    assert.equal(questionToClaimIn("fr", "Les vaccins provoquent-ils l'autisme ?"), "Les vaccins provoquent l'autisme.");
    assert.equal(questionToClaimIn("fr", "Est-ce que la Terre est plate ?"), "La Terre est plate.");
    assert.equal(questionToClaimIn("fr", "Est-ce qu'il pleut plus qu'avant ?"), "Il pleut plus qu'avant.");
    assert.equal(questionToClaimIn("fr", "Peut-on guérir le diabète ?"), "On peut guérir le diabète.");
  });

  it("puts a German opening verb, or a dass clause's last verb, second", () => {
    assert.equal(questionToClaimIn("de", "Senkt Kaffee das Risiko für Diabetes?"), "Kaffee senkt das Risiko für Diabetes.");
    assert.equal(questionToClaimIn("de", "Ist der Klimawandel menschengemacht?"), "Der Klimawandel ist menschengemacht.");
    assert.equal(questionToClaimIn("de", "Kann Kaffee Krebs verursachen?"), "Kaffee kann Krebs verursachen.");
    assert.equal(
      questionToClaimIn("de", "Stimmt es, dass der Klimawandel vom Menschen verursacht wird?"),
      "Der Klimawandel wird vom Menschen verursacht.",
    );
  });

  it("takes a why-question's presupposition, and keeps other wh-questions as asked", () => {
    assert.equal(questionToClaimIn("es", "¿Por qué el café reduce el riesgo de diabetes?"), "El café reduce el riesgo de diabetes.");
    assert.equal(questionToClaimIn("de", "Warum ist der Himmel blau?"), "Der Himmel ist blau.");
    assert.equal(questionToClaimIn("es", "¿Quién ganó las elecciones de 2020?"), "Quién ganó las elecciones de 2020");
    assert.equal(questionToClaimIn("fr", "Combien de personnes vivent à Paris ?"), "Combien de personnes vivent à Paris");
  });

  it("reads the follow-up questions the local writer asks as it means them", () => {
    // An open question that starts with a preposition stays as asked.
    assert.equal(
      questionToClaimIn("es", "¿De dónde procede la afirmación de que el café reduce la presión arterial?"),
      "De dónde procede la afirmación de que el café reduce la presión arterial",
    );
    assert.equal(
      questionToClaimIn("es", "¿En qué medida el café reduce la presión arterial?"),
      "En qué medida el café reduce la presión arterial",
    );
    assert.equal(
      questionToClaimIn("fr", "D’où vient l’affirmation selon laquelle le café réduit la tension ?"),
      "D’où vient l’affirmation selon laquelle le café réduit la tension",
    );
    assert.equal(
      questionToClaimIn("de", "Seit wann gilt die Aussage „Kaffee senkt den Blutdruck“?"),
      "Seit wann gilt die Aussage „Kaffee senkt den Blutdruck“",
    );
    assert.equal(
      questionToClaimIn("pt", "Em que medida o café reduz a pressão arterial?"),
      "Em que medida o café reduz a pressão arterial",
    );
    // A why-question still gives what it presupposes, Portuguese "por que razão" included.
    assert.equal(
      questionToClaimIn("pt", "Por que razão está tão difundida a crença de que o café reduz a pressão arterial?"),
      "Está tão difundida a crença de que o café reduz a pressão arterial.",
    );
    // A yes/no question that opens with the article "a" is still a yes/no question.
    assert.equal(questionToClaimIn("pt", "A vitamina C previne a constipação?"), "A vitamina C previne a constipação.");
  });

  it("gives nothing for marks alone", () => {
    assert.equal(questionToClaimIn("es", "¿?"), "");
  });
});

describe("extractClaims in the input's language", () => {
  it("turns a Spanish question into its claim, where English rules would keep the marks", () => {
    const q = "¿Las vacunas causan autismo?";
    assert.deepEqual(
      extractClaims(q, "question", "es").map((c) => c.text),
      ["Las vacunas causan autismo."],
    );
    assert.deepEqual(
      extractClaims("Does coffee cause cancer?", "question", "en").map((c) => c.text),
      ["Coffee causes cancer."],
    );
  });
});

describe("pickCategory in other languages", () => {
  it("files questions in Verity's languages under their category, not 'other'", () => {
    assert.equal(pickCategory("¿Las vacunas causan autismo?"), "health");
    assert.equal(pickCategory("Le café réduit-il le risque de diabète ?"), "health");
    assert.equal(pickCategory("Verursachen Impfungen Autismus?"), "health");
    assert.equal(pickCategory("Ist der Klimawandel menschengemacht?"), "environment");
    assert.equal(pickCategory("¿Quién ganó las elecciones de 2020?"), "politics");
    assert.equal(pickCategory("O desemprego subiu com a inflação?"), "business");
  });

  it("does not read an English word as another language's keyword", () => {
    assert.equal(pickCategory("The senator lied about the journal's finances at the time"), "politics");
  });
});
