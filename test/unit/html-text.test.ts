// HTML fragments and character references → plain text, without a DOM.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { decodeEntities } from "../../src/domain/entities.js";
import { stripHtml, stripTags } from "../../src/domain/html-text.js";

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

describe("stripTags", () => {
  it("drops markup and decodes entities", () => {
    assert.equal(stripTags('The <span class="searchmatch">Great</span> &quot;Wall&quot; &amp; co&#039;s'), `The Great "Wall" & co's`);
  });

  it("decodes after dropping tags, so escaped markup stays visible as text", () => {
    assert.equal(stripTags("a &lt;b&gt;  <i>c</i>&hellip;"), "a <b> c…");
  });
});

describe("stripHtml", () => {
  it("removes every trace of HTML, escaped or not", () => {
    assert.equal(stripHtml("&lt;script&gt;alert(1)&lt;/script&gt;Hi <!-- x --> <b>there</b> 1 < 2").replace(/\s+/g, " "), " Hi there 1 2");
  });
});
