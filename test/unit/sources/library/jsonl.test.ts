// The library's JSON Lines reader: one document a line, bad lines reported by number.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ReadOutcome } from "../../../../src/domain/document.js";
import { readJsonl } from "../../../../src/sources/library/jsonl.js";

/** The text cut into pieces of `size` characters, as a stream would deliver it. */
function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

async function readAll(chunks: Iterable<string>, origin: string): Promise<ReadOutcome[]> {
  const outcomes: ReadOutcome[] = [];
  for await (const outcome of readJsonl(chunks, origin)) outcomes.push(outcome);
  return outcomes;
}

describe("readJsonl", () => {
  it("reads documents, joins sentences, and reports bad lines with 1-based line numbers", async () => {
    const content = [
      '{"id": 1, "title": "First", "text": "Text one.", "url": "https://a.example/1", "publisher": "Pub", "publishedAt": "2020-05-06", "author": "Au"}',
      "",
      "not json",
      '{"id": "b", "title": "Second", "sentences": ["Sentence one.", "Sentence two."]}',
      "[1, 2]",
      '{"title": "No id", "text": "x"}',
      '{"id": 5, "title": "", "text": "x"}',
      '{"id": 6, "title": "No text"}',
      '{"id": 7, "title": "Bad types", "sentences": [1, 2]}',
      '{"id": 8, "title": "Bad url", "text": "x", "url": 42}',
      "   ",
      '{"id": 9, "title": "Last", "text": "Kept."}',
    ].join("\n");
    const outcomes = await readAll([content], "data.jsonl");
    const summary = outcomes.map((o) => (o.ok ? `ok ${o.doc.key} ${o.doc.origin}` : `fail ${o.origin}`));
    assert.deepEqual(summary, [
      "ok jsonl:1 data.jsonl:1",
      "fail data.jsonl:3",
      "ok jsonl:b data.jsonl:4",
      "fail data.jsonl:5",
      "fail data.jsonl:6",
      "fail data.jsonl:7",
      "fail data.jsonl:8",
      "fail data.jsonl:9",
      "fail data.jsonl:10",
      "ok jsonl:9 data.jsonl:12",
    ]);
    const [first, , second] = outcomes;
    assert.ok(first?.ok && second?.ok);
    assert.deepEqual(first.doc, {
      key: "jsonl:1",
      title: "First",
      text: "Text one.",
      url: "https://a.example/1",
      publisher: "Pub",
      author: "Au",
      publishedAt: "2020-05-06",
      format: "jsonl",
      origin: "data.jsonl:1",
    });
    assert.equal(second.doc.text, "Sentence one. Sentence two.");
    for (const size of [1, 2, 7])
      assert.deepEqual(await readAll(chunksOf(content, size), "data.jsonl"), outcomes, "chunk boundaries change nothing");
    const reasons = outcomes.filter((o) => !o.ok).map((o) => (o.ok ? "" : o.reason));
    assert.match(reasons[0]!, /^invalid JSON/);
    assert.match(reasons[1]!, /not a JSON object/);
    assert.equal(reasons[2], 'missing "id"');
    assert.equal(reasons[3], '"title" is empty');
    assert.equal(reasons[4], 'missing "text" or "sentences"');
    assert.match(reasons[5]!, /sentences/);
    assert.match(reasons[6]!, /url/);
  });

  it("reports a line over the length limit and a duplicate id, and keeps going", async () => {
    const long = JSON.stringify({ id: 1, title: "Long", text: "x".repeat(2_000_001) });
    const content = [
      long,
      '{"id": 2, "title": "A", "text": "a"}',
      '{"id": "2", "title": "B", "text": "b"}',
      '{"id": 3, "title": "C", "text": "c"}',
    ].join("\r\n");
    const outcomes = await readAll(chunksOf(content, 65_536), "f.jsonl");
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.doc.key : `${o.origin} ${o.reason}`)),
      [
        `f.jsonl:1 line too long (${long.length.toLocaleString("en")} characters; the limit is 2,000,000)`,
        "jsonl:2",
        'f.jsonl:3 duplicate id "2" (first on line 2)',
        "jsonl:3",
      ],
    );
  });
});
