// The HTML report: its structure, and hostile text that stays text.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Report, SECTION_TITLES } from "../../../src/domain/report.js";
import { escapeHtml } from "../../../src/render/escape.js";
import { renderHtml } from "../../../src/render/html.js";
import { parse } from "../../helpers/dom.js";
import { factCheckedReport, hostileReport, IMG, PAYLOAD, sampleReport, SVG } from "../../helpers/sample-report.js";

const ALLOWED_ATTRIBUTES = new Set(["lang", "charset", "name", "content", "http-equiv", "class", "id", "value", "href", "rel", "datetime"]);

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

    it("writes an English page when the language is not a language tag, and names no language", () => {
      const out = renderHtml(report);
      assert.ok(out.startsWith('<!doctype html>\n<html lang="en">\n'));
      assert.equal(parse(out).querySelector("h1")?.hasAttribute("lang"), false);
      assert.equal(parse(out).querySelector(".language-notice"), null);
    });
  });
});

describe("renderHtml in the report's language", () => {
  it("writes a Spanish report's headings, verdict, date and notices in Spanish", () => {
    const report = { ...sampleReport(), language: "es", checkedAt: "2026-12-06T10:00:00.000Z" };
    const doc = parse(renderHtml(report));
    assert.equal(doc.documentElement.getAttribute("lang"), "es");
    assert.equal(doc.querySelector(".verdict")?.textContent, "Refutado");
    assert.equal(doc.querySelector(".meta")?.textContent, "Verificado el 6 de diciembre de 2026.");
    assert.equal(doc.querySelector("#sources h2")?.textContent, "Fuentes");
    assert.ok([...doc.querySelectorAll("h2")].some((h) => h.textContent === "Resumen de los resultados"));
    assert.equal(doc.querySelector(".language-notice"), null);
    assert.equal(doc.querySelector(".how-checked summary")?.textContent, "Cómo se verificó");
  });

  it("writes an Italian report in English, says Italian is not supported yet, and marks the title Italian", () => {
    const report = { ...sampleReport(), language: "it", title: "Il caffè disidrata?" };
    const doc = parse(renderHtml(report));
    assert.equal(doc.documentElement.getAttribute("lang"), "en");
    assert.equal(doc.querySelector("h1")?.getAttribute("lang"), "it");
    assert.equal(doc.querySelector(".verdict")?.textContent, "Refuted");
    assert.match(
      doc.querySelector(".language-notice")?.textContent ?? "",
      /written in Italian, a language Verity does not write reports in yet/,
    );
  });
});

describe("renderHtml: what other fact-checkers found, and reliability notes", () => {
  const base = sampleReport();
  const report = factCheckedReport();

  it("lists each earlier fact-check with publisher, rating and link, escaped", () => {
    const html = renderHtml(report);
    assert.match(html, /What other fact-checkers found/);
    assert.match(html, /rated “Coffee dehydrates you” \(claimed by A viral post\) as “Inaccurate”, 3 February 2024\./);
    assert.match(html, /<a href="https:\/\/healthfeedback\.example\/coffee" rel="nofollow noopener">Coffee and hydration<\/a>/);
    assert.doesNotMatch(html, /<img/);
    assert.doesNotMatch(html, /href="javascript:/);
  });

  it("shows the operator's reliability note beside its source", () => {
    assert.match(renderHtml(report), /Note: Peer-reviewed journal\./);
  });

  it("leaves the section out when there is none", () => {
    assert.doesNotMatch(renderHtml(base), /What other fact-checkers found/);
  });
});
