// The language of an input, from its function words.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage } from "../../../../../src/analysts/local/input/language.js";

describe("detectLanguage", () => {
  it("detects the supported languages by their function words", () => {
    assert.equal(detectLanguage("Do vaccines cause autism in children?"), "en");
    assert.equal(detectLanguage("Las vacunas no causan autismo según los estudios."), "es");
    assert.equal(detectLanguage("Est-ce que le café est mauvais pour la santé?"), "fr");
    assert.equal(detectLanguage("Ist Kaffee schlecht für die Gesundheit?"), "de");
    assert.equal(detectLanguage("Il caffè è dannoso per la salute?"), "it");
    assert.equal(detectLanguage("O café faz mal para a saúde?"), "pt");
    assert.equal(detectLanguage("Is koffie slecht voor je gezondheid?"), "nl");
  });

  it("says 'en' when unsure", () => {
    assert.equal(detectLanguage(""), "en");
    assert.equal(detectLanguage("Elon Musk"), "en");
    assert.equal(detectLanguage("Did Napoleon die in 1821?"), "en");
  });
});
