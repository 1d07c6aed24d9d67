// What a report shows, decided once for both renderers, and the footer's sentences.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { footerText, outline } from "../../../src/render/outline.js";
import { sampleReport } from "../../helpers/sample-report.js";

describe("outline", () => {
  it("orders sections, skips repeating the input that is the title, and says where each source is", () => {
    const shown = outline(sampleReport());
    assert.deepEqual(
      shown.sections.map((s) => s.kind),
      ["summary", "context", "bias"],
    );
    assert.equal(shown.submitted, null, "the input is the title again");
    assert.equal(shown.listsClaims, false);
    assert.equal(shown.findings.length, 4);
    assert.deepEqual(
      shown.sources.map((s) => [s.location.kind, s.details]),
      [
        ["web", ["PLOS ONE", "S. Killer", "9 January 2014"]],
        ["library", []],
      ],
    );
  });
});

describe("footerText", () => {
  it("says how the report was made and what it is about, through the renderer's escaper", () => {
    const report = sampleReport();
    const { made, about } = footerText(report, (text) => text.toUpperCase());
    assert.equal(made, "Engine: LOCAL, Verity 0.1.0. Timings: SEARCH 120 ms, WRITE 340 ms, total 460 ms.");
    assert.equal(about, "Category: HEALTH. Mentions: PLOS ONE.");
  });

  it("names a blank engine unknown only when asked (HTML), as each renderer always has", () => {
    const report = sampleReport();
    report.provenance.engine = "  ";
    const trim = (text: string) => text.trim();
    assert.match(footerText(report, trim, { unknownBlankEngine: true }).made, /^Engine: unknown,/);
    assert.match(footerText(report, trim).made, /^Engine: ,/);
  });
});
