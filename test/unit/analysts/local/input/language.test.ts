// The language of an input, by the fastText model shipped inside the fasttext.wasm.js package.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage, guessLanguages } from "../../../../../src/analysts/local/input/language.js";

describe("detectLanguage", () => {
  it("detects Verity's five languages in short questions", async () => {
    assert.equal(await detectLanguage("Do vaccines cause autism in children?"), "en");
    assert.equal(await detectLanguage("¿El café reduce el riesgo de diabetes?"), "es");
    assert.equal(await detectLanguage("Est-ce que le café est mauvais pour la santé?"), "fr");
    assert.equal(await detectLanguage("Ist Kaffee schlecht für die Gesundheit?"), "de");
    assert.equal(await detectLanguage("O aquecimento global é causado pelo homem?"), "pt");
  });

  it("names other languages too, so their readers can be told they are not supported yet", async () => {
    assert.equal(await detectLanguage("Il caffè è dannoso per la salute?"), "it");
    assert.equal(await detectLanguage("Is koffie slecht voor je gezondheid?"), "nl");
    assert.equal(await detectLanguage("Вызывают ли прививки аутизм у детей?"), "ru");
  });

  it("says 'en' for names, terms and empty input, which tell no reader's language", async () => {
    assert.equal(await detectLanguage(""), "en");
    assert.equal(await detectLanguage("Einstein"), "en");
    assert.equal(await detectLanguage("COVID-19 vaccines"), "en");
    assert.equal(await detectLanguage("2021 2022 2023"), "en");
  });

  it("keeps English when English is a close second, and reads typographic apostrophes", async () => {
    assert.equal(await detectLanguage("It’s not carbon dioxide, it’s not"), "en");
    assert.equal(await detectLanguage("Ice berg melts, ocean level remains the same."), "en");
  });

  it("reads a short question that does not open like an English one as its own language", async () => {
    // pt 0.24, en 0.08: English held on by its third of the guess until the question's shape was read.
    assert.equal(await detectLanguage("As vacinas causam autismo?"), "pt");
    // The model's best guesses are Dutch, Esperanto, Norwegian: German capitals and umlauts settle it.
    assert.equal(await detectLanguage("Verursacht Kaffee Krebs?"), "de");
    assert.equal(await detectLanguage("Tötet Alkohol Gehirnzellen?"), "de");
    // English questions open with an auxiliary or a question word, and stay English.
    assert.equal(await detectLanguage("Does coffee cause cancer in Sao Paulo?"), "en");
    assert.equal(await detectLanguage("Vaccines cause autism?"), "en");
    // Italian keeps its own name: its accents are not another language's marks.
    assert.equal(await detectLanguage("Il caffè fa male?"), "it");
  });

  it("reads a long text across lines", async () => {
    const text = "La vacuna fue aprobada en 2021.\n\nLos ensayos clínicos incluyeron a miles de personas.\n".repeat(200);
    assert.equal(await detectLanguage(text), "es");
  });
});

describe("guessLanguages", () => {
  it("gives probabilities in decreasing order, and nothing for text without letters", async () => {
    const guesses = await guessLanguages("Le gouvernement a annoncé une nouvelle loi sur le climat.", 3);
    assert.equal(guesses.length, 3);
    assert.equal(guesses[0]!.language, "fr");
    assert.ok(guesses[0]!.probability > 0.5 && guesses[0]!.probability <= 1);
    assert.ok(guesses[0]!.probability >= guesses[1]!.probability && guesses[1]!.probability >= guesses[2]!.probability);
    assert.deepEqual(await guessLanguages("12 345 — 67"), []);
  });
});
