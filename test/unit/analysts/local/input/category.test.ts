// The category of a check, from stemmed keywords.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { pickCategory } from "../../../../../src/analysts/local/input/category.js";
import { CATEGORIES } from "../../../../../src/domain/categories.js";

describe("pickCategory", () => {
  it("picks categories from stemmed keywords", () => {
    assert.equal(pickCategory("Can local police refuse ICE detainer requests?"), "justice");
    assert.equal(pickCategory("Do vaccines cause autism?"), "health");
    assert.equal(pickCategory("Is the Great Wall of China visible from space?"), "science");
    assert.equal(pickCategory("Is climate change real?"), "environment");
    assert.equal(pickCategory("Has the unemployment rate fallen since 2020?"), "business");
    assert.equal(pickCategory("Did Messi win the World Cup with his team?"), "sports");
  });

  it("reads ICE as the agency only in capitals", () => {
    assert.equal(pickCategory("Is the Arctic ice melting?"), "environment");
    assert.equal(pickCategory("Are ICE raids legal?"), "justice");
  });

  it("falls back to 'other' and always returns a known category", () => {
    assert.equal(pickCategory("Hello there"), "other");
    assert.equal(pickCategory(""), "other");
    assert.ok((CATEGORIES as readonly string[]).includes(pickCategory("random words about nothing")));
  });
});
