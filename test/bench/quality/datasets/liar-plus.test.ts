// bench/quality/datasets/liar-plus.ts: reading the LIAR-PLUS TSV files.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseTsv } from "../../../../bench/quality/datasets/liar-plus.js";

describe("LIAR-PLUS TSV reading", () => {
  it("honours quoted fields with tabs, newlines and doubled quotes, and skips blank lines", () => {
    const text = 'a\t"b\t""c""\nd"\te\n\nx\ty\n';
    assert.deepEqual(parseTsv(text), [
      ["a", 'b\t"c"\nd', "e"],
      ["x", "y"],
    ]);
  });
});
