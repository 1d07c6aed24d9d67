import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { sampleReport } from "../helpers/sample-report.js";

describe("rendering what other fact-checkers found, and reliability notes", () => {
  const base = sampleReport();
  const report = sampleReport({
    factChecks: [
      {
        claim: "Coffee dehydrates you",
        claimant: "A viral post",
        publisher: "Health Feedback <img src=x onerror=alert(1)>",
        rating: "Inaccurate",
        url: "https://healthfeedback.example/coffee",
        title: "Coffee and hydration",
        reviewedAt: "2024-02-03",
      },
      {
        claim: "Coffee is poison",
        claimant: null,
        publisher: "Checker",
        rating: "False",
        url: "javascript:alert(1)",
        title: null,
        reviewedAt: null,
      },
    ],
    sources: base.sources.map((s, i) => (i === 0 ? { ...s, reliabilityNote: "Peer-reviewed journal." } : s)),
  });

  it("lists each earlier fact-check with publisher, rating and link, escaped", () => {
    const html = renderHtml(report);
    assert.match(html, /What other fact-checkers found/);
    assert.match(html, /rated “Coffee dehydrates you” \(claimed by A viral post\) as “Inaccurate”, 2024-02-03\./);
    assert.match(html, /<a href="https:\/\/healthfeedback\.example\/coffee" rel="nofollow noopener">Coffee and hydration<\/a>/);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /href="javascript:/);
    const md = renderMarkdown(report);
    assert.match(md, /## What other fact-checkers found/);
    assert.match(md, /<https:\/\/healthfeedback\.example\/coffee>/);
    assert.doesNotMatch(md, /<img/);
  });

  it("shows the operator's reliability note beside its source", () => {
    assert.match(renderHtml(report), /Note: Peer-reviewed journal\./);
    assert.match(renderMarkdown(report), /Note: Peer-reviewed journal\./);
  });

  it("leaves the section out when there is none", () => {
    assert.doesNotMatch(renderHtml(base), /What other fact-checkers found/);
  });
});
