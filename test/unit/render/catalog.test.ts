// The catalogs of fixed words: every locale has every message, with the same placeholders.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LOCALES } from "../../../src/domain/locale.js";
import { t, type MessageKey } from "../../../src/render/i18n/catalog.js";

const KEYS: MessageKey[] = ["report.checkedOn", "vote.tally", "page.stale", "factCheck.rated", "heading.sources", "section.bias"];

describe("t", () => {
  it("fills placeholders, and leaves one without a value visible", () => {
    assert.equal(t("en", "vote.tally", { helpful: 3, total: 4 }), "3 of 4 readers found this helpful.");
    assert.equal(t("es", "report.checkedOn", { date: "6 de diciembre de 2026" }), "Verificado el 6 de diciembre de 2026.");
    assert.equal(t("en", "report.checkedOn"), "Checked on {date}.");
  });

  it("has each message in each locale, with the English message's placeholders", () => {
    for (const key of KEYS) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const english = t("en", key);
      for (const locale of LOCALES) {
        const message = t(locale, key);
        assert.ok(message.trim().length > 0, `${locale} ${key}`);
        assert.deepEqual(placeholders(message), placeholders(english), `${locale} ${key}`);
        if (locale !== "en" && key !== "heading.sources") assert.notEqual(message, english, `${locale} ${key} is translated`);
      }
    }
  });
});
