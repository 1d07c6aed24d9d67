// What a report shows, decided once for both renderers, and the footer's sentences.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { footerText, outline, shownQuote } from "../../../src/render/outline.js";
import { Report } from "../../../src/domain/report.js";
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

describe("shownQuote", () => {
  it("keeps whole sentences, and marks a quote cut mid-sentence where it was cut", () => {
    assert.equal(shownQuote("Coffee hydrates as well as water."), "Coffee hydrates as well as water.");
    assert.equal(shownQuote("This analysis found that 149"), "This analysis found that 149…");
    assert.equal(shownQuote("tolerance develops within days"), "…tolerance develops within days…");
    assert.equal(shownQuote("“Is it safe?” she asked."), "“Is it safe?” she asked.");
  });
});

describe("outline: older reports", () => {
  it("moves method notes out of the findings into “How this was checked”, and never cuts a heading with “…”", () => {
    const report = sampleReport();
    const note = "This check read 25 documents from the local library. Evidence outside these sources may change the picture.";
    report.sections[2]!.paragraphs.push({ text: note });
    const shown = outline(Report.parse(report));
    assert.ok(shown.method.includes(note));
    assert.ok(!shown.findings.some((f) => f.text === note));
    assert.ok(shown.findings.every((f) => !f.heading.includes("…")));
  });

  it("gives a paragraph's own heading to its finding", () => {
    const report = sampleReport();
    const summary = report.sections.find((s) => s.kind === "summary")!;
    summary.paragraphs[0] = { ...summary.paragraphs[0]!, heading: "The evidence contradicts the claim" };
    assert.equal(outline(Report.parse(report)).findings[0]!.heading, "The evidence contradicts the claim");
  });
});
