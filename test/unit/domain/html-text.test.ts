// HTML fragments → plain text, without a DOM.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { stripHtml, stripTags } from "../../../src/domain/html-text.js";

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
