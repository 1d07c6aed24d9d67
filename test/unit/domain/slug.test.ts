// Slugs for report URLs.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { slugify } from "../../../src/domain/slug.js";

describe("slugify", () => {
  it("makes lower-case ASCII words joined by '-'", () => {
    assert.equal(slugify("Is the Great Wall of China visible from space?"), "is-the-great-wall-of-china-visible-from-space");
    assert.equal(slugify("  Café “Zürich” — déjà vu!  "), "cafe-zurich-deja-vu");
    assert.equal(slugify("Don't panic: Straße & Co."), "dont-panic-strasse-and-co");
  });

  it("cuts at a word boundary within 60 characters", () => {
    const slug = slugify("Electric cars are worse for the environment than petrol cars according to several studies");
    assert.ok(slug.length <= 60, slug);
    assert.ok(!slug.endsWith("-"));
    assert.equal(slug, "electric-cars-are-worse-for-the-environment-than-petrol-cars");
    assert.equal(slugify("a".repeat(80)).length, 60);
  });

  it("is never empty", () => {
    assert.equal(slugify(""), "check");
    assert.equal(slugify("???"), "check");
    assert.equal(slugify("日本語"), "check");
  });
});
