import assert from "node:assert/strict";
import { test } from "node:test";
import { isSupportedLanguage, localeOf } from "../../../src/domain/locale.js";

test("a supported language tag gives its locale; anything else is written in English", () => {
  assert.equal(localeOf("es"), "es");
  assert.equal(localeOf("pt-BR"), "pt");
  assert.equal(localeOf("DE"), "de");
  assert.equal(localeOf("nl"), "en");
  assert.equal(localeOf(""), "en");
  assert.equal(localeOf(null), "en");
  assert.equal(isSupportedLanguage("fr-CA"), true);
  assert.equal(isSupportedLanguage("it"), false);
});
