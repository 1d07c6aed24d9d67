// Character references → text, without a DOM.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { decodeEntities } from "../../../src/domain/entities.js";

describe("decodeEntities", () => {
  it("reads references as browsers read text by default", () => {
    assert.equal(decodeEntities("&amp;lt;"), "&lt;", "one pass");
    assert.equal(decodeEntities("caf&eacute; &#233; &#x41; &rsquo;"), "café é A ’");
    assert.equal(decodeEntities("fish &amp chips"), "fish & chips", "the ; may be missing");
    assert.equal(decodeEntities("a&#xD800;b&#0;c"), "abc", "a number that is no character is dropped");
    assert.equal(decodeEntities("&unknown; &"), "&unknown; &");
  });

  it("decodes only well-formed references, and only the names asked for, when strict", () => {
    const strict = { strict: true } as const;
    assert.equal(decodeEntities("fish &amp chips", strict), "fish &amp chips");
    assert.equal(decodeEntities("a&#0;b", strict), "a&#0;b");
    assert.equal(decodeEntities("&hellip; &rsquo;", { ...strict, names: "typographic" }), "… &rsquo;");
    assert.equal(decodeEntities("&hellip; &quot;&nbsp;", { ...strict, names: "markup" }), '&hellip; " ');
  });
});
