// A readable title for a check, from whatever the reader typed or pasted.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { cleanTitle } from "../../../../../src/analysts/local/input/title.js";
import { decodeEntities } from "../../../../../src/domain/entities.js";

describe("cleanTitle", () => {
  it("strips scripts, tags and Markdown emphasis", () => {
    const title = cleanTitle("<script>alert(1)</script>Is **coffee** bad?", "question");
    assert.equal(title, "Is coffee bad?");
    assert.ok(!title.includes("<") && !title.includes("*"));
  });

  it("never lets encoded markup turn back into tags", () => {
    const title = cleanTitle("&lt;img src=x onerror=alert(1)&gt;Vaccines &amp; autism", "claim");
    assert.ok(!/[<>]/.test(title), title);
    assert.match(title, /Vaccines & autism$/);
    assert.equal(decodeEntities("&amp;lt;"), "&lt;");
    assert.equal(decodeEntities("caf&eacute; &#233; &#x41;"), "café é A");
  });

  it("keeps the text of Markdown links and drops headings, bullets and quote markers", () => {
    assert.equal(cleanTitle("> - [Vaccines](https://x.com/a) cause _autism_.", "claim"), "Vaccines cause autism");
    assert.equal(cleanTitle("## Do vaccines cause `autism`", "question"), "Do vaccines cause autism?");
  });

  it("titles a URL from its path and host", () => {
    assert.equal(cleanTitle("https://example.com/news/2024/moon-landing-was-faked", "url"), "Moon landing was faked (example.com)");
    assert.equal(cleanTitle("https://www.example.org/articles/why_coffee_is_good.html", "url"), "Why coffee is good (example.org)");
    assert.equal(cleanTitle("https://example.com/", "url"), "example.com");
  });

  it("removes raw URLs from other kinds of input", () => {
    assert.equal(cleanTitle("Is this true? https://example.com/x", "question"), "Is this true?");
  });

  it("fixes spacing, repeated punctuation, capitalisation and typos", () => {
    assert.equal(cleanTitle("is coffee bad ??", "question"), "Is coffee bad?");
    assert.equal(cleanTitle("teh goverment will recieve  the money .", "claim"), "The government will receive the money");
    assert.equal(cleanTitle("I beleive it,but Teh data disagree", "claim"), "I believe it, but The data disagree");
    assert.equal(cleanTitle("wow!!! really", "claim"), "Wow! really");
  });

  it("gives questions a '?' and claims no final period (keeping abbreviations)", () => {
    assert.equal(cleanTitle("Does coffee cause cancer", "question"), "Does coffee cause cancer?");
    assert.equal(cleanTitle("Coffee causes cancer.", "claim"), "Coffee causes cancer");
    assert.equal(cleanTitle("Crime fell in the U.S.", "claim"), "Crime fell in the U.S.");
  });

  it("titles a pasted text with its first sentence, cut at a word boundary", () => {
    const text =
      "The city council voted on Tuesday to approve a sweeping new budget that raises property taxes for most residents by nearly twelve percent. Critics objected. Supporters cheered.";
    const title = cleanTitle(text, "text");
    assert.ok(title.length <= 100, title);
    assert.ok(title.startsWith("The city council voted on Tuesday"));
    assert.ok(title.endsWith("…"));
    assert.ok(!title.includes("Critics"));
    assert.equal(
      cleanTitle("Vaccines are safe,according to the CDC.They work. Really.", "text"),
      "Vaccines are safe, according to the CDC",
    );
  });

  it("never returns an empty title", () => {
    assert.equal(cleanTitle("", "claim"), "Untitled check");
    assert.equal(cleanTitle("   <p></p> ** ", "question"), "Untitled check");
    assert.equal(cleanTitle("<script>alert(1)</script>", "text"), "Untitled check");
  });
});
