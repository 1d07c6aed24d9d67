// One entry point for every export format of a report.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Report } from "../../../src/domain/report.js";
import { renderHtml } from "../../../src/render/html.js";
import { renderMarkdown } from "../../../src/render/markdown.js";
import { renderReport } from "../../../src/render/text-format.js";
import { hostileReport, sampleReport } from "../../helpers/sample-report.js";

describe("renderReport", () => {
  const report = sampleReport();

  it("dispatches to the renderer of the format", () => {
    assert.equal(renderReport(report, "markdown", { layout: "briefing" }), renderMarkdown(report, { layout: "briefing" }));
    assert.equal(renderReport(report, "html", { standalone: false }), renderHtml(report, { standalone: false }));
    assert.notEqual(renderReport(report, "markdown"), renderReport(report, "markdown", { layout: "briefing" }));
  });

  it("round-trips JSON through Report.parse", () => {
    const json = renderReport(report, "json");
    assert.equal(json, JSON.stringify(report, null, 2));
    assert.deepEqual(Report.parse(JSON.parse(json)), report);
    const hostile = hostileReport();
    assert.deepEqual(Report.parse(JSON.parse(renderReport(hostile, "json"))), hostile);
  });
});
