import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Report, SECTION_TITLES } from "../../src/domain/report.js";
import { escapeHtml } from "../../src/render/escape.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderReport } from "../../src/render/text-format.js";
import { formatConfidence, formatDate } from "../../src/render/words.js";
import { parse } from "../helpers/dom.js";
import { sampleReport } from "../helpers/sample-report.js";

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const SVG = '"><svg onload=alert(1)>';
const PAYLOAD = `${SCRIPT} ${IMG} ${SVG}`;

/** A report with the payload in every piece of text a renderer prints. */
function hostileReport(): Report {
  const base = sampleReport();
  const [s1, s2] = base.sources;
  return sampleReport({
    title: `Title ${PAYLOAD}`,
    input: { text: `Input ${PAYLOAD}`, kind: "claim" },
    verdict: { label: "misleading", confidence: 0.5, headline: `Headline ${PAYLOAD} [1]` },
    claims: [
      { id: "c1", text: `Claim one ${PAYLOAD}` },
      { id: "c2", text: `Claim two ${PAYLOAD}`, verdict: { label: "supported", confidence: 0.9, headline: PAYLOAD } },
    ],
    sections: [
      { kind: "summary", title: `Summary ${PAYLOAD}`, paragraphs: [{ text: `First ${PAYLOAD} [1]. Second [2].` }] },
      { kind: "context", title: "Context", paragraphs: [{ text: `${IMG} starts this paragraph [2].` }] },
    ],
    sources: [
      {
        ...s1!,
        url: "javascript:alert(1)",
        title: `Source ${PAYLOAD}`,
        publisher: `Publisher ${PAYLOAD}`,
        author: `Author ${PAYLOAD}`,
        publishedAt: SVG,
        quotes: [`Quote ${PAYLOAD}`],
      },
      { ...s2!, url: `https://example.com/a"onmouseover="alert(1)`, title: "Quoted URL" },
    ],
    followUps: [{ question: `Follow-up ${PAYLOAD}` }],
    entities: [{ name: `Entity ${PAYLOAD}`, type: "other" }],
    category: `cat ${SVG}`,
    language: `en${SVG}`,
    checkedAt: `2024-05-01${SVG}`,
    provenance: {
      ...base.provenance,
      engine: `engine ${PAYLOAD}`,
      model: `model ${PAYLOAD}`,
      timings: [{ stage: `stage ${PAYLOAD}`, ms: 5 }],
    },
  });
}

const ALLOWED_ATTRIBUTES = new Set(["lang", "charset", "name", "content", "http-equiv", "class", "id", "value", "href", "rel", "datetime"]);

describe("sampleReport", () => {
  it("validates overrides against the schema", () => {
    assert.throws(() => sampleReport({ verdict: { label: "true" as never, confidence: 2, headline: "" } }));
    assert.equal(sampleReport({ title: "Other" }).title, "Other");
  });
});

describe("words", () => {
  it("formats confidence as a rounded percentage and dates as YYYY-MM-DD", () => {
    assert.equal(formatConfidence(0.724), "72%");
    assert.equal(formatConfidence(1), "100%");
    assert.equal(formatDate("2024-05-01T23:10:00.000Z"), "2024-05-01");
    assert.equal(formatDate("2021-06"), "2021-06");
    assert.equal(formatDate("sometime"), "sometime");
  });
});

describe("escapeHtml", () => {
  it("escapes & < > \" '", () => {
    assert.equal(escapeHtml(`a&b<c>d"e'f`), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  });
});

describe("renderMarkdown (classic)", () => {
  const report = sampleReport();
  const md = renderMarkdown(report);

  it("starts with the title, then the verdict, headline, date and the machine notice", () => {
    assert.ok(md.startsWith("# Does coffee dehydrate you?\n"));
    assert.match(md, /^\*\*Verdict: Refuted\*\* \(confidence 81%\)$/m);
    assert.match(md, /^No: in moderate amounts coffee hydrates about as well as water \[1\]\.$/m);
    assert.match(md, /^Checked on 2024-05-01\.$/m);
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
        "[1] No evidence of dehydration with moderate daily coffee intake — PLOS ONE, S. Killer, 2014-01-09. " +
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

describe("renderHtml", () => {
  const report = sampleReport();
  const html = renderHtml(report);
  const doc = parse(html);

  it("is a complete, self-contained HTML5 document without scripts", () => {
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en">'));
    assert.ok(html.includes('<meta charset="utf-8">'));
    assert.ok(html.includes('<meta name="viewport" content="width=device-width, initial-scale=1">'));
    assert.equal(doc.title, "Does coffee dehydrate you? — Verity");
    assert.equal(doc.querySelectorAll("style").length, 1);
    assert.ok(!/<script/i.test(html));
    assert.equal(doc.querySelectorAll("script, link, img, iframe, [src]").length, 0);
    assert.ok(html.trimEnd().endsWith("</html>"));
  });

  it("renders only the <article> fragment when not standalone", () => {
    const fragment = renderHtml(report, { standalone: false });
    assert.ok(fragment.startsWith("<article"));
    assert.ok(fragment.trimEnd().endsWith("</article>"));
    assert.ok(!fragment.includes("<html") && !fragment.includes("<style"));
  });

  it("shows the verdict badge", () => {
    const badge = doc.querySelector("span.verdict.verdict-refuted");
    assert.equal(badge?.textContent, "Refuted");
    assert.ok(doc.querySelector(".confidence")?.textContent?.includes("81%"));
  });

  it("puts the sections in the order summary, context, bias, with their titles", () => {
    const titles = [...doc.querySelectorAll("section.section h2")].map((h) => h.textContent);
    assert.deepEqual(titles, [SECTION_TITLES.summary, SECTION_TITLES.context, SECTION_TITLES.bias]);
    assert.deepEqual(
      [...doc.querySelectorAll("section.section")].map((s) => s.className),
      ["section section-summary", "section section-context", "section section-bias"],
    );
  });

  it("links every [n] of an existing source, and leaves a missing one as text", () => {
    const withMissing = sampleReport();
    withMissing.sections[1]!.paragraphs.push({ text: "Unknown source [9] and known [2]." });
    const out = renderHtml(Report.parse(withMissing));
    const d = parse(out);
    const cites = [...d.querySelectorAll("a.cite")];
    // headline 1, summary 1 + 2 + 1 (the added paragraph), context 1, bias 1
    assert.equal(cites.length, 7);
    for (const a of cites) {
      const href = a.getAttribute("href")!;
      assert.match(href, /^#source-\d+$/);
      const target = d.getElementById(href.slice(1));
      assert.ok(target, `${href} points to a source`);
      assert.equal(target.tagName, "LI");
      assert.equal(a.textContent, `[${href.slice("#source-".length)}]`);
    }
    assert.ok(out.includes('<a href="#source-1" class="cite">[1]</a><a href="#source-2" class="cite">[2]</a>'));
    assert.ok(!out.includes("#source-9"));
    assert.ok(out.includes("Unknown source [9] and known"));
  });

  it("lists sources in an <ol> with ids, nofollow links, stance and quotes", () => {
    const items = [...doc.querySelectorAll("section.sources ol > li")];
    assert.deepEqual(
      items.map((li) => li.id),
      ["source-1", "source-2"],
    );
    const link = items[0]!.querySelector("a");
    assert.equal(link?.getAttribute("href"), "https://journals.example.org/coffee-hydration?id=42");
    assert.equal(link?.getAttribute("rel"), "nofollow noopener");
    assert.equal(items[1]!.querySelector("a"), null, "a library source is not a link");
    assert.ok(items[1]!.textContent?.includes("Local library: doc-7"));
    assert.ok(items[1]!.textContent?.includes("Stance: mixed"));
    assert.deepEqual(
      [...items[1]!.querySelectorAll("blockquote")].map((b) => b.textContent),
      ["“caffeine ingestion stimulates a mild diuresis”", "“tolerance develops within days”"],
    );
    assert.equal(doc.querySelector(".follow-ups li")?.textContent, "How much caffeine is too much in a day?");
  });

  it('shows "Submitted as" only when the input differs from the title', () => {
    assert.equal(doc.querySelector(".submitted"), null);
    const other = parse(renderHtml(sampleReport({ input: { text: "Coffee makes you thirsty", kind: "claim" } })));
    assert.equal(other.querySelector(".submitted")?.textContent, "Submitted as: Coffee makes you thirsty");
  });

  it("has numbered findings in the briefing layout", () => {
    const d = parse(renderHtml(report, { layout: "briefing" }));
    const headings = [...d.querySelectorAll(".findings h3")].map((h) => h.textContent);
    assert.deepEqual(headings, [
      "1. A 2014 study found no difference in hydration between coffee and water drinkers",
      "2. Caffeine is a mild diuretic only in large doses",
      "3. People unused to caffeine may notice a stronger effect",
      "4. The belief comes from early studies of caffeine pills, not of coffee",
    ]);
    assert.equal(d.querySelectorAll(".findings a.cite").length, 5);
    assert.ok(d.querySelector(".answer .verdict-refuted"));
    assert.equal(d.querySelectorAll("section.section").length, 0);
  });

  describe("with hostile text everywhere", () => {
    const report = hostileReport();
    for (const layout of ["classic", "briefing"] as const) {
      const out = renderHtml(report, { layout });
      const d = parse(out);

      it(`${layout}: no tag or attribute comes from report text`, () => {
        assert.ok(!/<script|<img|<svg/i.test(out));
        const escapedImg = escapeHtml(IMG);
        assert.ok(out.includes(escapedImg));
        assert.ok(!out.split(escapedImg).join("").includes("onerror="), "onerror= only inside escaped text");
        assert.ok(!out.split(escapeHtml(SVG)).join("").includes("onload="), "onload= only inside escaped text");
        assert.equal(d.querySelectorAll("script, img, svg").length, 0);
        for (const el of d.querySelectorAll("*")) {
          for (const attr of el.getAttributeNames()) {
            assert.ok(ALLOWED_ATTRIBUTES.has(attr), `unexpected attribute ${attr} on <${el.tagName.toLowerCase()}>`);
          }
        }
      });

      it(`${layout}: the hostile text is shown, as text`, () => {
        const text = d.body.textContent ?? "";
        assert.ok(text.includes(`Title ${PAYLOAD}`));
        assert.ok(text.includes(`Follow-up ${PAYLOAD}`));
        assert.ok(text.includes(`“Quote ${PAYLOAD}”`));
        assert.ok(d.title.includes(`Title ${PAYLOAD}`));
      });

      it(`${layout}: a javascript: source URL is never an href`, () => {
        for (const a of d.querySelectorAll("a")) {
          const href = a.getAttribute("href") ?? "";
          assert.ok(/^(#source-\d+|https?:\/\/)/.test(href), `unexpected href ${href}`);
        }
        assert.ok(d.getElementById("source-1")?.textContent?.includes("javascript:alert(1)"));
        const quoted = d.querySelector("#source-2 a");
        assert.equal(quoted?.getAttribute("href"), "https://example.com/a%22onmouseover=%22alert(1)");
      });
    }

    it("omits a language that is not a language tag", () => {
      const out = renderHtml(report);
      assert.ok(out.startsWith("<!doctype html>\n<html>\n"));
    });
  });
});

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
