// Share cards as PNG: 1200 × 630, drawn with the fonts that ship with the server (a card
// whose text changes is a different picture: the text is drawn, not dropped).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cardPath } from "../../../src/render/card.js";
import { renderCardPng } from "../../../src/server/cards.js";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("share cards", () => {
  it("renders a 1200 × 630 PNG whose pixels carry the text", () => {
    const one = renderCardPng({ site: "Verity", title: "Coffee dehydrates you.", verdict: "refuted", checkedAt: "2024-05-01" });
    assert.deepEqual(pngSize(one), { width: 1200, height: 630 });
    const other = renderCardPng({ site: "Verity", title: "Tea dehydrates you.", verdict: "refuted", checkedAt: "2024-05-01" });
    assert.notDeepEqual(one, other, "the title is drawn");
  });

  it("has an address per report version, and one for the site", () => {
    assert.equal(cardPath({ id: "0f8fad5b-d9cb-469f-a165-70867728950e", version: 2 }), "/cards/0f8fad5b-d9cb-469f-a165-70867728950e/2.png");
    assert.equal(cardPath(null), "/cards/site.png");
  });
});
