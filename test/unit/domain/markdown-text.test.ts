// Markdown → plain text: a whole document (the library's reader), and the marks alone out of a typed line.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { markdownToText, stripMarkdown } from "../../../src/domain/markdown-text.js";

describe("markdownToText", () => {
  it("takes a setext heading as title", () => {
    const result = markdownToText("Setext Title\n============\n\nBody paragraph.");
    assert.equal(result.title, "Setext Title");
    assert.equal(result.text, "Setext Title\n\nBody paragraph.");
  });

  it("cuts a long heading title at 200 characters and reads front-matter dates", () => {
    const result = markdownToText(`---\ndate: 31 Jan 2020\n---\n# ${"word ".repeat(60)}\n`);
    assert.ok(result.title!.length <= 200);
    assert.ok(result.title!.endsWith("…"));
    assert.equal(result.date, "2020-01-31");
  });
});

describe("stripMarkdown", () => {
  it("keeps the words of a typed line: link and image text, no emphasis, code or block marks", () => {
    assert.equal(stripMarkdown("- [Vaccines](https://x.com/a) cause _autism_ ![chart](c.png)"), "Vaccines cause autism chart");
    assert.equal(stripMarkdown("## Do **vaccines** cause `autism` ##"), "Do vaccines cause autism ");
  });
});
