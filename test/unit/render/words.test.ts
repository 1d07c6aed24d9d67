// The words the renderers share.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatConfidence, formatDate, stanceWord, verdictLine, verdictWord } from "../../../src/render/words.js";

describe("words", () => {
  it("formats confidence as a rounded percentage and dates in words, by their UTC day", () => {
    assert.equal(formatConfidence(0.724), "72%");
    assert.equal(formatConfidence(1), "100%");
    assert.equal(formatDate("2024-05-01T23:10:00.000Z"), "1 May 2024");
    assert.equal(formatDate("2026-12-06"), "6 December 2026");
    assert.equal(formatDate("2021-06"), "June 2021");
    assert.equal(formatDate("2021"), "2021");
    assert.equal(formatDate("sometime"), "sometime");
    assert.equal(formatDate("2021-13"), "2021-13");
  });

  it("writes dates, verdicts and stances in the report's language", () => {
    assert.equal(formatDate("2026-12-06", "es"), "6 de diciembre de 2026");
    assert.equal(formatDate("2026-12-06", "fr"), "6 décembre 2026");
    assert.equal(formatDate("2026-12-06", "de"), "6. Dezember 2026");
    assert.equal(formatDate("2026-12-06", "pt"), "6 de dezembro de 2026");
    assert.equal(formatDate("2021-06", "es"), "junio de 2021");
    assert.equal(verdictWord("refuted", "es"), "Refutado");
    assert.equal(verdictWord("supported", "de"), "Bestätigt");
    assert.equal(stanceWord("supports", "fr"), "confirme");
    assert.equal(verdictLine("unverified", "Sin verificar: faltan pruebas.", "es"), "Sin verificar: faltan pruebas.");
  });

  it("says the verdict once before the headline, whether or not the headline begins with it", () => {
    assert.equal(
      verdictLine("supported", "Supported: the evidence found supports the claim [1]."),
      "Supported: the evidence found supports the claim.",
    );
    assert.equal(verdictLine("refuted", "The evidence contradicts it [2]."), "Refuted: The evidence contradicts it.");
    assert.equal(verdictLine("supported", "Yes: local police can refuse."), "Supported: Yes: local police can refuse.");
    assert.equal(verdictLine("misleading", "misleading — true in part."), "Misleading: true in part.");
    assert.equal(verdictLine("unverified", ""), "Unverified");
  });
});
