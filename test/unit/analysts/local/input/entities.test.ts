// The people, organisations and places an input names.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { extractEntities } from "../../../../../src/analysts/local/input/entities.js";

describe("extractEntities", () => {
  it("finds people and places, skipping the question's auxiliary", () => {
    assert.deepEqual(extractEntities("Did Barack Obama meet Angela Merkel in Berlin?"), [
      { name: "Barack Obama", type: "person" },
      { name: "Angela Merkel", type: "person" },
      { name: "Berlin", type: "place" },
    ]);
  });

  it("finds acronyms as organisations and never the sentence-initial auxiliary", () => {
    const entities = extractEntities("Can local police refuse ICE detainer requests?");
    assert.deepEqual(entities, [{ name: "ICE", type: "organization" }]);
    assert.ok(!entities.some((e) => e.name === "Can"));
  });

  it("keeps connectors inside names and types organisations by their words", () => {
    const entities = extractEntities("The Bank of England raised rates, according to the New York Times.");
    assert.deepEqual(entities, [
      { name: "Bank of England", type: "organization" },
      { name: "New York Times", type: "organization" },
    ]);
    assert.deepEqual(
      extractEntities("Is the Great Wall of China visible from space?").map((e) => e.name),
      ["Great Wall of China"],
    );
  });

  it("uses titles for people and drops lone sentence-initial common words", () => {
    const entities = extractEntities("Vaccines cause autism, said President Joe Biden. Mr. Smith disagreed.");
    assert.deepEqual(entities, [
      { name: "Joe Biden", type: "person" },
      { name: "Smith", type: "person" },
    ]);
  });

  it("keeps a sentence-initial acronym or known place", () => {
    const names = extractEntities("WHO declared COVID-19 a pandemic. Germany agreed.");
    assert.deepEqual(names, [
      { name: "WHO", type: "organization" },
      { name: "COVID-19", type: "other" },
      { name: "Germany", type: "place" },
    ]);
  });

  it("de-duplicates case-insensitively and keeps at most 12", () => {
    const dup = extractEntities("Paris is big. I love PARIS and Paris.");
    assert.equal(dup.filter((e) => e.name.toLowerCase() === "paris").length, 1);
    const many = Array.from({ length: 20 }, (_, i) => `Visit Town${String.fromCharCode(65 + i)}ville now`).join(", ");
    assert.equal(extractEntities(many).length, 12);
  });

  it("keeps only known names in German, where every noun has a capital", () => {
    assert.deepEqual(extractEntities("Senkt Kaffee das Risiko für Typ-2-Diabetes?", "de"), []);
    assert.deepEqual(
      extractEntities("Hat Angela Merkel in Berlin gesagt, dass Kaffee gesund ist?", "de").map((e) => e.name),
      ["Angela Merkel", "Berlin"],
    );
  });
});
