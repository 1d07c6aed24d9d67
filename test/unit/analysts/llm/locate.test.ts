// Finding the model's words in the texts it was given.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findApprox, locateClaim } from "../../../../src/analysts/llm/locate.js";

describe("findApprox and locateClaim", () => {
  it("finds excerpts up to case, spacing and quote marks", () => {
    const text = "He said: “Crime  fell by half” in 2023.";
    const s = findApprox(text, '"crime fell by half"')!;
    assert.equal(text.slice(s.start, s.end), "“Crime  fell by half”");
    assert.equal(findApprox(text, "crime rose"), null);
  });

  it("keeps a span only when it matches its excerpt", () => {
    const input = "Vaccines cause autism, they say.";
    assert.deepEqual(
      locateClaim(input, { text: "Vaccines cause autism.", excerpt: "Vaccines cause autism", span: { start: 0, end: 21 } }, false),
      { start: 0, end: 21 },
    );
    assert.deepEqual(
      locateClaim(input, { text: "Vaccines cause autism.", excerpt: "Vaccines cause autism", span: { start: 3, end: 9 } }, false),
      { start: 0, end: 21 },
    );
    assert.equal(locateClaim(input, { text: "Measles is deadly.", excerpt: null, span: { start: -1, end: 99 } }, false), undefined);
  });
});
