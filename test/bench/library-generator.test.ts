// bench/library-generator.ts: the libraries the ingest and library-scale benchmarks generate. The same
// seed gives the same documents (pinned: the ones each benchmark drew before they shared the module),
// each of 4 to 24 pool sentences under a pool title, written until the library holds the passages asked.
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { passagesIn, recombined, sentencePool, writeLibrary, type LibraryDocument } from "../../bench/library-generator.js";
import { tempDir } from "../helpers/verity.js";

const POOL = {
  titles: ["Coffee and cancer", "Tea and sleep", "Walking and mood"],
  sentences: Array.from({ length: 30 }, (_, i) => `Sentence ${i} of the pool reports one finding about a drink.`),
};

const firstTwo = (lengthFirst: boolean): LibraryDocument[] => {
  const documents = recombined(POOL, { prefix: "x-", lengthFirst });
  return [documents.next().value!, documents.next().value!];
};
const shape = (d: LibraryDocument) => ({ id: d.id, title: d.title, count: d.sentences.length, first: d.sentences[0] });

describe("the benchmarks' library generator", () => {
  it("draws the same documents from the same seed, in each benchmark's order", () => {
    assert.deepEqual(firstTwo(true), firstTwo(true));
    assert.deepEqual(firstTwo(true).map(shape), PINNED_LENGTH_FIRST);
    assert.deepEqual(firstTwo(false).map(shape), PINNED_TITLE_FIRST);
  });

  it("writes documents of pool sentences until they hold the passages asked for", async () => {
    const lines: string[] = [];
    const made = await writeLibrary(recombined(POOL, { prefix: "x-", lengthFirst: true }), 40, async (line) => void lines.push(line));
    const documents = lines.map((line) => JSON.parse(line) as LibraryDocument);
    const passages = documents.reduce((n, d) => n + passagesIn(d), 0);
    assert.deepEqual(made, { documents: documents.length, passages });
    assert.ok(passages >= 40 && passages - passagesIn(documents.at(-1)!) < 40, `${passages} passages`);
    assert.deepEqual(
      documents.map((d) => d.id),
      documents.map((_, i) => `x-${i}`),
    );
    for (const d of documents) {
      assert.ok(d.sentences.length >= 4 && d.sentences.length <= 24, `${d.sentences.length} sentences`);
      assert.ok(POOL.titles.includes(d.title) && d.sentences.every((s) => POOL.sentences.includes(s)));
    }
    assert.deepEqual(await writeLibrary(documents, Infinity, async () => {}), made, "a finite list is written whole");
  });

  it("pools SciFact's titles and abstracts, then Climate-FEVER's articles and evidence when asked", async () => {
    const { dir, cleanup } = await tempDir("verity-bench-pool-");
    try {
      await mkdir(path.join(dir, "scifact"));
      await mkdir(path.join(dir, "climate-fever"));
      const abstracts = [
        { doc_id: 4, title: "Statins", abstract: ["Statins lower cholesterol.", "They are widely used."] },
        { doc_id: 9, title: "Aspirin", abstract: ["Aspirin thins the blood."] },
      ];
      await writeFile(path.join(dir, "scifact/corpus.jsonl"), abstracts.map((d) => JSON.stringify(d)).join("\n\n") + "\n");
      const claim = { evidences: [{ article: "Sea level", evidence: "Seas rose 20 cm since 1900." }] };
      await writeFile(path.join(dir, "climate-fever/climate-fever.jsonl"), JSON.stringify(claim) + "\n");
      assert.deepEqual(await sentencePool(dir), {
        titles: ["Statins", "Aspirin"],
        sentences: ["Statins lower cholesterol.", "They are widely used.", "Aspirin thins the blood."],
      });
      assert.deepEqual(await sentencePool(dir, { climateFever: true }), {
        titles: ["Statins", "Aspirin", "Sea level"],
        sentences: ["Statins lower cholesterol.", "They are widely used.", "Aspirin thins the blood.", "Seas rose 20 cm since 1900."],
      });
    } finally {
      await cleanup();
    }
  });
});

const PINNED_LENGTH_FIRST = [
  { id: "x-0", title: "Tea and sleep", count: 12, first: "Sentence 15 of the pool reports one finding about a drink." },
  { id: "x-1", title: "Coffee and cancer", count: 17, first: "Sentence 28 of the pool reports one finding about a drink." },
];
const PINNED_TITLE_FIRST = [
  { id: "x-0", title: "Tea and sleep", count: 16, first: "Sentence 15 of the pool reports one finding about a drink." },
  { id: "x-1", title: "Walking and mood", count: 14, first: "Sentence 3 of the pool reports one finding about a drink." },
];
