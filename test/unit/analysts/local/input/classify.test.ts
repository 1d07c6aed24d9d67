// What kind of input the reader submitted: a link, a question, a pasted text, a topic or a claim.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { classifyInput } from "../../../../../src/analysts/local/input/classify.js";

describe("classifyInput", () => {
  it("recognises a single http(s) or www URL", () => {
    assert.equal(classifyInput("https://example.com/news/2024/moon-landing-was-faked"), "url");
    assert.equal(classifyInput("  http://example.org  "), "url");
    assert.equal(classifyInput("www.bbc.co.uk/news/world-123"), "url");
  });

  it("does not take text containing a URL, or a non-http scheme, for a URL", () => {
    assert.notEqual(classifyInput("see https://example.com for more"), "url");
    assert.notEqual(classifyInput("ftp://example.com/file"), "url");
    assert.notEqual(classifyInput("javascript:alert(1)"), "url");
  });

  it("recognises questions by their '?' or their opening word", () => {
    assert.equal(classifyInput("Can local police refuse ICE detainer requests?"), "question");
    assert.equal(classifyInput("Vaccines cause autism?"), "question");
    assert.equal(classifyInput("is it true that vaccines cause autism"), "question");
    assert.equal(classifyInput("Does coffee cause cancer"), "question");
    assert.equal(classifyInput("How many people live in Tokyo"), "question");
  });

  it("does not mistake names, organisations and imperatives for question openers", () => {
    assert.equal(classifyInput("Will Smith slapped Chris Rock at the Oscars"), "claim");
    assert.equal(classifyInput("WHO declared a pandemic in 2020"), "claim");
    assert.equal(classifyInput("Do not trust vaccines"), "claim");
  });

  it("recognises short verbless phrases as topics", () => {
    assert.equal(classifyInput("vaccine safety"), "topic");
    assert.equal(classifyInput("Elon Musk"), "topic");
    assert.equal(classifyInput("Climate change"), "topic");
    assert.equal(classifyInput("Root causes of inflation"), "topic");
  });

  it("takes phrases with a verb or final punctuation as claims", () => {
    assert.equal(classifyInput("Vaccines cause autism"), "claim");
    assert.equal(classifyInput("Biden wins election"), "claim");
    assert.equal(classifyInput("The earth is flat."), "claim");
    assert.equal(classifyInput("Vaccine safety."), "claim");
    assert.equal(classifyInput("The new policy on border security will lower crime in every major American city"), "claim");
  });

  it("recognises pasted texts of several sentences", () => {
    assert.equal(classifyInput("The moon is made of cheese. It was proven in 1969. NASA hid it."), "text");
    const two = `${"Officials said the new bridge cost far more than planned, and ".repeat(3)}end. ${"Critics were not convinced by the figures at all. ".repeat(3)}`;
    assert.ok(two.length > 280);
    assert.equal(classifyInput(two), "text");
    // Two short sentences are not a pasted text.
    assert.equal(classifyInput("Vaccines are safe. Everyone knows it."), "claim");
  });
});
