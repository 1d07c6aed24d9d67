// Titles for what comes without one: from a first line, from a page's file name, from a submitted link.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { capitaliseFirst, fileNameTitle, firstLineTitle, fixTypos, titleFromUrl } from "../../../src/domain/titles.js";

describe("firstLineTitle", () => {
  it("takes the first non-blank line, whitespace collapsed, cut at a word", () => {
    assert.equal(firstLineTitle("\n  \n  A   first\tline \nsecond", 200), "A first line");
    assert.equal(firstLineTitle("one two three four", 15), "one two three…");
    assert.equal(firstLineTitle(" \n\t\n", 200), null);
  });

  it("with whole, keeps a line that fits as written and refuses a longer one", () => {
    assert.equal(firstLineTitle("A  title\nbody", 150, { whole: true }), "A  title");
    assert.equal(firstLineTitle(`${"word ".repeat(40)}\nbody`, 150, { whole: true }), null);
  });
});

describe("fileNameTitle", () => {
  it("turns the file name into words, or falls back to the host", () => {
    assert.equal(fileNameTitle("https://example.org/reports/annual-report_2023.pdf"), "annual report 2023");
    assert.equal(fileNameTitle("https://www.example.org/"), "www.example.org");
    assert.equal(fileNameTitle("https://example.org/100%"), "https://example.org/100%", "a malformed escape");
    assert.equal(fileNameTitle("not a url"), "not a url");
  });
});

describe("titleFromUrl", () => {
  it("titles a link by its wordiest path segment and its host", () => {
    assert.equal(titleFromUrl("https://example.com/news/2024/moon-landing-was-faked"), "Moon landing was faked (example.com)");
    assert.equal(titleFromUrl("www.example.org/articles/why_teh_coffee.html"), "Why the coffee (example.org)");
    assert.equal(titleFromUrl("https://example.com/"), "example.com");
    assert.equal(titleFromUrl("ftp://example.com/a-b"), "");
  });
});

describe("fixTypos and capitaliseFirst", () => {
  it("fix common misspellings in the word's case, and capitalise unless cased on purpose", () => {
    assert.equal(fixTypos("Teh GOVERMENT will recieve"), "The GOVERNMENT will receive");
    assert.equal(capitaliseFirst("“quoted” text"), "“Quoted” text");
    assert.equal(capitaliseFirst("iPhone sales"), "iPhone sales");
  });
});
