// extract/html.ts: a page's readable text and metadata out of its HTML.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { extractHtml } from "../../../src/extract/html.js";

const fixture = (name: string): Promise<string> => readFile(new URL(`../../fixtures/library/${name}`, import.meta.url), "utf8");

describe("extractHtml", () => {
  it("keeps the article and drops navigation, sidebars, footers, scripts and styles", async () => {
    const page = extractHtml(await fixture("news-article.html"), "https://courier.example/news/2023/bridge-approved");
    assert.match(page.text, /The town council voted seven to two on Tuesday evening to fund a new bridge across the river, ending/);
    assert.match(page.text, /can no longer cope with demand during the summer months\.$/);
    for (const boilerplate of [
      "News menu",
      "Sport menu",
      "Sidebar story",
      "Footer contact line",
      "Riverside Courier home",
      "HACKED",
      "tracking",
      "font-family",
    ]) {
      assert.ok(!page.text.includes(boilerplate), `text should not contain ${JSON.stringify(boilerplate)}`);
    }
  });

  it("separates paragraphs by one blank line and collapses whitespace inside them", async () => {
    const page = extractHtml(await fixture("news-article.html"));
    const paragraphs = page.text.split("\n\n");
    assert.ok(paragraphs.length >= 4, `expected at least 4 paragraphs, got ${paragraphs.length}`);
    for (const paragraph of paragraphs) {
      assert.equal(paragraph, paragraph.replace(/\s+/g, " ").trim());
      assert.ok(paragraph.length > 0);
    }
    assert.ok(paragraphs.some((p) => p.startsWith("Construction is expected to begin next spring")));
    assert.doesNotMatch(page.text, /\n{3,}/);
  });

  it("reads metadata from meta tags", async () => {
    const page = extractHtml(await fixture("news-article.html"));
    assert.equal(page.title, "Town approves bridge after decade of debate");
    assert.equal(page.siteName, "Riverside Courier");
    assert.equal(page.author, "Maria Lopez");
    assert.equal(page.publishedAt, "2023-05-17T06:30:00.000Z");
    assert.equal(page.language, "en");
    assert.equal(page.description, "The council voted 7-2 to fund the new river crossing.");
    assert.equal(page.canonicalUrl, "https://courier.example/news/2023/bridge-approved");
  });

  it("reads JSON-LD (@graph, @id references, author arrays) and ignores a malformed block", async () => {
    const page = extractHtml(await fixture("jsonld-article.html"));
    assert.equal(page.title, "Measuring rainfall in the Alps");
    assert.equal(page.author, "Jo Schmidt, Sam Berg");
    assert.equal(page.publishedAt, "2019-11-02T14:00:00.000Z");
    assert.equal(page.siteName, "Alpine Research Network");
    assert.equal(page.language, "de-DE");
    assert.equal(page.description, "How we measured rainfall.");
    assert.match(page.text, /^Rain gauges were installed at twelve stations/);
  });

  it("reads a JSON-LD author given as a plain object or string", () => {
    const html = (author: string): string => `<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"NewsArticle","headline":"H","author":${author},"datePublished":"2020-02-03"}
      </script></head><body><p>Body text of the article.</p></body></html>`;
    assert.equal(extractHtml(html('{"@type":"Person","name":"Ada Lovelace"}')).author, "Ada Lovelace");
    assert.equal(extractHtml(html('"Grace Hopper"')).author, "Grace Hopper");
    assert.equal(extractHtml(html('["A One", {"name": "B Two"}]')).author, "A One, B Two");
    assert.equal(extractHtml(html('"x"')).publishedAt, "2020-02-03");
  });

  it("falls back to meta name=date, dc.date and <time datetime> for the date", () => {
    const body = "<body><article><p>Some text here.</p></article></body>";
    assert.equal(extractHtml(`<html><head><meta name="date" content="2018-07-09"></head>${body}</html>`).publishedAt, "2018-07-09");
    assert.equal(extractHtml(`<html><head><meta name="DC.date" content="2017/03/04"></head>${body}</html>`).publishedAt, "2017-03-04");
    assert.equal(
      extractHtml(
        `<html><body><article><p>Posted <time datetime="2016-12-25T10:00:00-05:00">Christmas</time>. Some text.</p></article></body></html>`,
      ).publishedAt,
      "2016-12-25T15:00:00.000Z",
    );
    assert.equal(extractHtml(`<html>${body}</html>`).publishedAt, null);
  });

  it("uses <title> when there is no better title, and null metadata when there is none", () => {
    const page = extractHtml("<html><head><title>Plain title</title></head><body><p>Only a paragraph of text.</p></body></html>");
    assert.equal(page.title, "Plain title");
    assert.equal(page.text, "Only a paragraph of text.");
    assert.equal(page.author, null);
    assert.equal(page.siteName, null);
    assert.equal(page.language, null);
    assert.equal(page.description, null);
    assert.equal(page.canonicalUrl, null);
  });

  it("returns body text for a page without article structure and drops its navigation", () => {
    const page = extractHtml("<html><body><nav>Menu entry</nav>Loose text with no paragraph element.<footer>Footer</footer></body></html>");
    assert.equal(page.text, "Loose text with no paragraph element.");
  });

  it("does not run scripts", () => {
    const page = extractHtml(
      `<html><head><title>Real</title><script>document.title = "Changed"; document.body && (document.body.innerHTML = "<p>injected</p>");</script></head>
       <body><p>Original paragraph text stays here.</p><script>document.write("<p>written by script</p>")</script></body></html>`,
    );
    assert.equal(page.title, "Real");
    assert.equal(page.text, "Original paragraph text stays here.");
  });

  it("returns empty text for an empty page", () => {
    assert.equal(extractHtml("").text, "");
    assert.equal(extractHtml("<html><body>   </body></html>").text, "");
  });
});
