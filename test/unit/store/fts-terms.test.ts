// Which words a full-text query asks for: the rarest within a row budget, counted from a real library.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IncomingDocument } from "../../../src/domain/document.js";
import { ftsMatch, queryWords, rarestWithin, TermRows } from "../../../src/store/fts-terms.js";
import { LibraryRepository } from "../../../src/store/library.js";
import { tempVerity } from "../../helpers/verity.js";
import { sqliteHandle } from "../../../src/store/db.js";

function doc(key: string, text: string): IncomingDocument {
  return { key, title: "Note", text, url: null, publisher: null, author: null, publishedAt: null, format: "text", origin: key };
}

/** Twelve documents about cells; one also about zeppelins, two about Café Müller. */
const DOCUMENTS = [
  ...Array.from({ length: 12 }, (_, i) => doc(`cells-${i}`, `Cells of kind ${i} divide when the tissue grows.`)),
  doc("zeppelin", "A zeppelin carried cells of yeast across the ocean."),
  doc("cafe-1", "Café Müller served coffee to COVID-19 patients."),
  doc("cafe-2", "The cafe muller opened again after covid-19."),
];

describe("full-text query words", () => {
  it("never lets user text act as full-text query syntax", () => {
    assert.equal(ftsMatch(queryWords('coffee" OR NEAR(x2 y) AND -cancer*')), '"coffee" OR "near" OR "x2" OR "cancer"');
    assert.deepEqual(queryWords("the of and"), []);
    assert.equal(ftsMatch([]), "");
  });

  it("keeps the rarest words whose rows fit the budget, in the query's order", () => {
    const counted = [
      { word: "cells", rows: 900 },
      { word: "zeppelin", rows: 3 },
      { word: "yeast", rows: 40 },
      { word: "ocean", rows: 70 },
    ];
    assert.deepEqual(rarestWithin(counted, 100), ["zeppelin", "yeast"]);
    assert.deepEqual(rarestWithin(counted, 113), ["zeppelin", "yeast", "ocean"]);
    assert.deepEqual(rarestWithin(counted, 10_000), ["cells", "zeppelin", "yeast", "ocean"]);
  });

  it("always keeps the rarest word, however common", () => {
    assert.deepEqual(
      rarestWithin(
        [
          { word: "cells", rows: 900 },
          { word: "grow", rows: 800 },
        ],
        100,
      ),
      ["grow"],
    );
  });
});

describe("rows of each word in a real library", () => {
  let v: Awaited<ReturnType<typeof tempVerity>>;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(DOCUMENTS);
  });
  after(async () => v.cleanup());

  it("counts the passages holding each word as the index stems and folds it", () => {
    const terms = new TermRows(sqliteHandle(v.store));
    // "cell" is stored as the stem of "Cells"; "cafe" and "café" fold to one term; "covid-19" is a
    // phrase of two terms, counted by its rarer one; an unknown word holds no rows.
    assert.deepEqual(terms.rows(["cell", "zeppelin", "café", "muller", "covid-19", "unheard"]), [13, 1, 2, 2, 2, 0]);
  });

  it("counts again once the library gains passages", async () => {
    const terms = new TermRows(sqliteHandle(v.store));
    assert.deepEqual(terms.rows(["zeppelin"]), [1]);
    await v.library.upsertMany([doc("zeppelin-2", "Another zeppelin landed.")]);
    assert.deepEqual(terms.rows(["zeppelin"]), [2]);
  });

  it("searches only the rare words when the common ones would read more rows than the budget", async () => {
    const tight = new LibraryRepository(v.store, 5);
    const hits = await tight.searchPassages("cells carried by zeppelin", 20);
    assert.deepEqual(
      new Set(hits.map((h) => h.text)),
      new Set(["A zeppelin carried cells of yeast across the ocean.", "Another zeppelin landed."]),
    );
    const all = await v.library.searchPassages("cells carried by zeppelin", 20);
    assert.equal(all.length, 14, "with the default budget every word is asked for");
    assert.match(all[0]!.text, /zeppelin carried cells/, "the passage with most of the words ranks first");
    const docs = await tight.searchDocuments("cells carried by zeppelin", 20);
    assert.equal(docs.length, 2, "documents are searched with the same words");
  });
});
