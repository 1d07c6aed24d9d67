// Escaping for HTML.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeHtml } from "../../../src/render/escape.js";

describe("escapeHtml", () => {
  it("escapes & < > \" '", () => {
    assert.equal(escapeHtml(`a&b<c>d"e'f`), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  });
});
