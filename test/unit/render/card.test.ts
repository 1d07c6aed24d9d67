// The share card's SVG: well-formed whatever the title holds, the title wrapped to four
// lines at most, the verdict's badge in its colour, the date, and the site's card without a badge.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { shareCardSvg } from "../../../src/render/card.js";
import { VERDICT_COLOURS } from "../../../src/render/report-style.js";
import { PAYLOAD } from "../../helpers/sample-report.js";

function parse(svg: string): Document {
  const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
  assert.equal(doc.querySelector("parsererror"), null, "well-formed XML");
  return doc;
}

describe("shareCardSvg", () => {
  it("draws the title, the verdict's badge and the date", () => {
    const doc = parse(
      shareCardSvg({ site: "Verity", title: "Does coffee dehydrate you?", verdict: "refuted", checkedAt: "2024-05-01T10:00:05Z" }),
    );
    const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent);
    assert.deepEqual(texts, ["Refuted", "Does coffee dehydrate you?", "Checked on 1 May 2024", "Verity"]);
    assert.equal(doc.querySelector("rect[rx]")?.getAttribute("fill"), VERDICT_COLOURS.refuted);
    assert.equal(doc.documentElement.getAttribute("width"), "1200");
    assert.equal(doc.documentElement.getAttribute("height"), "630");
  });

  it("keeps a long or hostile title as text, in four lines at most", () => {
    const title = `${PAYLOAD} \u0001 ${"word ".repeat(80)}`;
    const doc = parse(shareCardSvg({ site: "Verity", title, verdict: "misleading" }));
    const lines = [...doc.querySelectorAll("text[font-size='60']")].map((t) => t.textContent ?? "");
    assert.equal(lines.length, 4);
    assert.ok(lines[0]!.startsWith("<script>"), "markup stays text");
    assert.ok(lines.at(-1)!.endsWith("…"), "what does not fit is cut with an ellipsis");
    assert.equal(doc.querySelector("script"), null);
  });

  it("the site's card: no badge, no date", () => {
    const doc = parse(shareCardSvg({ site: "Verity", title: "An open-source fact-checking desk." }));
    assert.equal(doc.querySelector("rect[rx]"), null);
    assert.ok(![...doc.querySelectorAll("text")].some((t) => /Checked on/.test(t.textContent ?? "")));
  });
});
