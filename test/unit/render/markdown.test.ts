// The Markdown report, in both layouts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Report, SECTION_TITLES } from "../../../src/domain/report.js";
import { renderMarkdown } from "../../../src/render/markdown.js";
import { hostileReport, sampleReport, factCheckedReport } from "../../helpers/sample-report.js";

describe("renderMarkdown (classic)", () => {
  const report = sampleReport();
  const md = renderMarkdown(report);

  it("starts with the title, then the verdict, headline, date and the machine notice", () => {
    assert.ok(md.startsWith("# Does coffee dehydrate you?\n"));
    assert.match(md, /^\*\*Verdict: Refuted\*\* \(confidence 81%\)$/m);
    assert.match(md, /^No: in moderate amounts coffee hydrates about as well as water \[1\]\.$/m);
    assert.match(md, /^Checked on 1 May 2024\.$/m);
    assert.match(md, /written by a machine .* may contain mistakes/);
  });

  it("puts the sections in the order summary, context, bias, with their titles", () => {
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [SECTION_TITLES.summary, SECTION_TITLES.context, SECTION_TITLES.bias, "Sources", "Follow-up questions"]);
    const summary = md.indexOf(SECTION_TITLES.summary);
    assert.ok(md.indexOf("A 2014 study found no difference") > summary);
    assert.ok(md.indexOf("The belief comes from early studies") > md.indexOf(SECTION_TITLES.bias));
  });

  it("keeps the plain [n] citation markers", () => {
    assert.ok(md.includes("only in large doses [1][2]."));
  });

  it("lists sources with details, location, stance and quotes as blockquotes", () => {
    assert.ok(
      md.includes(
        "[1] No evidence of dehydration with moderate daily coffee intake — PLOS ONE, S. Killer, 9 January 2014. " +
          "<https://journals.example.org/coffee-hydration?id=42>. Stance: refutes.",
      ),
    );
    assert.ok(md.includes("[2] Caffeine and fluid balance: a review. Local library: doc-7. Stance: mixed."));
    assert.match(md, /^> “caffeine ingestion stimulates a mild diuresis”$/m);
    assert.match(md, /^> “tolerance develops within days”$/m);
    assert.ok(md.indexOf("[2] Caffeine") < md.indexOf("> “tolerance develops"));
  });

  it("lists follow-up questions and a provenance footer with the total time", () => {
    assert.match(md, /^- How much caffeine is too much in a day\?$/m);
    assert.match(md, /Engine: local.*search 120 ms, write 340 ms, total 460 ms\./);
  });

  it('shows "Submitted as" only when the input differs from the title', () => {
    assert.ok(!md.includes("Submitted as"), "same words, other case and punctuation");
    const other = renderMarkdown(sampleReport({ input: { text: "coffee makes you thirsty", kind: "claim" } }));
    assert.match(other, /^Submitted as: coffee makes you thirsty$/m);
  });

  it("lists the claims only when there are several or the claim is not the title", () => {
    assert.ok(!md.includes("Claims checked"));
    const many = renderMarkdown(hostileReport());
    assert.ok(many.includes("## Claims checked"));
    assert.match(many, /^- Claim two .* — \*\*Supported\*\* \(confidence 90%\)$/m);
  });

  it("escapes < and markdown structure in untrusted text", () => {
    const out = renderMarkdown(hostileReport());
    assert.ok(!/<script|<img|<svg/i.test(out), "no raw HTML tag survives");
    assert.ok(out.includes("&lt;script>alert(1)&lt;/script>"));
    assert.ok(!out.includes("javascript:alert(1)>"), "no autolink to javascript:");

    const tricky = renderMarkdown(
      sampleReport({
        title: "#1 myth about coffee #",
        sections: [
          {
            kind: "summary",
            title: "Summary",
            paragraphs: [
              { text: "Intro\n\n# Injected heading\n\n[1]: javascript:alert(1)" },
              { text: "[1](javascript:alert(1)) and [a](javascript:alert(2)) and <b>bold</b>" },
              { text: "- not a list" },
              { text: "[2]: javascript:alert(3)" },
            ],
          },
        ],
        followUps: [{ question: "> not a quote" }],
      }),
    );
    assert.ok(tricky.startsWith("# \\#1 myth about coffee \\#\n"));
    assert.ok(!/^# Injected/m.test(tricky), "newlines cannot start a heading");
    assert.ok(!/^\[\d\]:/m.test(tricky), "no link reference definition");
    assert.match(tricky, /^\\\[2\]: javascript:alert\(3\)$/m);
    assert.ok(!tricky.includes("[1](javascript"), "a citation marker cannot open a link");
    assert.ok(tricky.includes("\\[a\\](javascript:alert(2))"));
    assert.ok(tricky.includes("&lt;b>bold&lt;/b>"));
    assert.match(tricky, /^\\- not a list$/m);
    assert.match(tricky, /^- \\> not a quote$/m);
  });
});

describe("renderMarkdown (briefing)", () => {
  it("answers first, then numbers one finding per paragraph in section order", () => {
    const long =
      "This opening sentence is deliberately long enough that it cannot possibly fit into the eighty character heading limit [1]. Then more.";
    const report = sampleReport();
    assert.equal(report.sections[2]!.kind, "context");
    report.sections[2]!.paragraphs.push({ text: long });
    const md = renderMarkdown(Report.parse(report), { layout: "briefing" });
    const lines = md.split("\n");
    assert.equal(lines[0], "# Does coffee dehydrate you?");
    assert.equal(lines[2], "**Refuted (confidence 81%): No: in moderate amounts coffee hydrates about as well as water [1].**");
    const findings = [...md.matchAll(/^### (\d+)\. (.+)$/gm)];
    assert.deepEqual(
      findings.map((m) => m[1]),
      ["1", "2", "3", "4", "5"],
    );
    assert.equal(findings[0]![2], "A 2014 study found no difference in hydration between coffee and water drinkers");
    assert.equal(findings[2]![2], "People unused to caffeine may notice a stronger effect");
    assert.equal(findings[4]![2], "The belief comes from early studies of caffeine pills, not of coffee");
    for (const m of findings) {
      assert.ok(m[2]!.length <= 80, `heading too long: ${m[2]}`);
      assert.ok(!/\[\d+\]/.test(m[2]!), "no citation markers in headings");
    }
    assert.ok(findings[3]![2]!.startsWith("This opening sentence is deliberately long"));
    assert.ok(findings[3]![2]!.endsWith("…"));
    assert.ok(md.includes(`\n\n${long}\n\n`), "the paragraph is the body");
    assert.ok(md.indexOf("### 1.") > md.indexOf("## Key findings"));
    assert.ok(md.indexOf("## Sources") > md.indexOf("### 5."));
    assert.ok(md.includes("> “tolerance develops within days”"));
    assert.ok(!md.includes(`## ${SECTION_TITLES.summary}`), "no classic section headings");
  });
});

describe("renderMarkdown: what other fact-checkers found, and reliability notes", () => {
  const report = factCheckedReport();

  it("lists each earlier fact-check with its link, escaped", () => {
    const md = renderMarkdown(report);
    assert.match(md, /## What other fact-checkers found/);
    assert.match(md, /<https:\/\/healthfeedback\.example\/coffee>/);
    assert.doesNotMatch(md, /<img/);
  });

  it("shows the operator's reliability note beside its source", () => {
    assert.match(renderMarkdown(report), /Note: Peer-reviewed journal\./);
  });
});
