// The library in the store: documents and their passages, full-text search, batches.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openStore, sqliteHandle, type Store } from "../../../src/store/db.js";
import { chunkPassages, LibraryRepository } from "../../../src/store/library.js";
import type { IncomingDocument } from "../../../src/domain/document.js";
import { LIBRARY } from "../../fixtures/library-docs.js";
import { tempDir, tempVerity } from "../../helpers/verity.js";
import { BACKENDS } from "../../helpers/stores.js";

for (const backend of BACKENDS) {
  describe(`library store on ${backend.name}`, { skip: backend.skip }, () => {
    let v: Awaited<ReturnType<typeof tempVerity>>;
    before(async () => {
      v = await tempVerity({ backend: backend.name });
    });
    after(async () => v.cleanup());

    it("adds documents, then recognises the same documents as unchanged", async () => {
      assert.deepEqual(await v.library.upsertMany(LIBRARY), ["added", "added", "added", "added"]);
      assert.deepEqual(await v.library.upsertMany(LIBRARY), ["unchanged", "unchanged", "unchanged", "unchanged"]);
      const counts = await v.library.count();
      assert.equal(counts.documents, 4);
    });

    it("replaces a document whose text changed, with its passages", async () => {
      const changed = { ...LIBRARY[3]!, text: "Entirely new text about ramparts and watchtowers." };
      assert.deepEqual(await v.library.upsertMany([changed]), ["updated"]);
      assert.equal((await v.library.searchPassages("watchtowers", 5)).length, 1);
      assert.equal((await v.library.searchPassages("astronauts naked", 5)).length, 0, "old passages are gone from the index");
      assert.equal((await v.library.count()).documents, 4);
      await v.library.upsertMany([LIBRARY[3]!]);
    });

    it("finds passages by stemmed words and ranks the closer match first", async () => {
      const hits = await v.library.searchPassages("police refusing detainers", 10);
      assert.ok(hits.length >= 2);
      const docs = await v.library.getDocuments([hits[0]!.documentId]);
      assert.match(docs[0]!.title, /ICE detainers|Sanctuary/);
    });

    it("never lets user text act as full-text query syntax", async () => {
      assert.deepEqual(await v.library.searchPassages('"unbalanced ( quote', 5), []);
    });

    it("stores a batch all or nothing", async () => {
      const good: IncomingDocument = { ...LIBRARY[0]!, key: "jsonl:new-good", text: "A brand new zeppelin document." };
      const bad = { ...LIBRARY[0]!, key: "jsonl:new-bad", title: null } as unknown as IncomingDocument;
      await assert.rejects(v.library.upsertMany([good, bad]));
      assert.equal((await v.library.searchPassages("zeppelin", 5)).length, 0, "the good half of a failed batch is not kept");
      assert.equal((await v.library.count()).documents, 4, "what was stored before is intact");
    });
  });

  describe(`library store on ${backend.name}: one batch`, { skip: backend.skip }, () => {
    let v: Awaited<ReturnType<typeof tempVerity>>;
    before(async () => {
      v = await tempVerity({ backend: backend.name });
    });
    after(async () => v.cleanup());

    it("replaces a document given twice in one batch, indexing only its last text", async () => {
      const first: IncomingDocument = { ...LIBRARY[0]!, key: "jsonl:twice", text: "A first draft about dirigibles." };
      const second: IncomingDocument = { ...first, text: "A final text about gondolas." };
      assert.deepEqual(await v.library.upsertMany([first, second]), ["added", "updated"]);
      assert.equal((await v.library.searchPassages("dirigibles", 5)).length, 0, "the first text left no passage in the index");
      assert.equal((await v.library.searchDocuments("dirigibles", 5)).length, 0, "nor a document");
      assert.equal((await v.library.searchPassages("gondolas", 5)).length, 1);
      assert.deepEqual(await v.library.count(), { documents: 1, passages: 1 });
    });
  });
}

describe("library store on SQLite: FTS5's hashsize", () => {
  const hashSizes = (store: Store) =>
    ["passages_fts", "documents_fts"].map((index) =>
      sqliteHandle(store).prepare(`SELECT v FROM ${index}_config WHERE k = 'hashsize'`).pluck().get(),
    );

  it("is kept in the database by the first batch, and not written again by a later process", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const first = await openStore({ dataDir: dir });
      await new LibraryRepository(first).upsertMany([LIBRARY[0]!]);
      assert.deepEqual(hashSizes(first), [8 * 1024 * 1024, 8 * 1024 * 1024]);
      await first.close();

      const second = await openStore({ dataDir: dir });
      try {
        assert.deepEqual(hashSizes(second), [8 * 1024 * 1024, 8 * 1024 * 1024], "kept across processes");
        const sqlite = sqliteHandle(second);
        const executed: string[] = [];
        const exec = sqlite.exec.bind(sqlite);
        sqlite.exec = (source: string) => {
          executed.push(source);
          return exec(source);
        };
        assert.deepEqual(await new LibraryRepository(second).upsertMany([LIBRARY[1]!]), ["added"]);
        assert.deepEqual(
          executed.filter((source) => source.includes("hashsize")),
          [],
        );
      } finally {
        await second.close();
      }
    } finally {
      await cleanup();
    }
  });
});

describe("chunkPassages", () => {
  it("cuts text into runs of whole sentences with exact offsets", () => {
    const sentence = "This sentence has exactly eight words in it. ";
    const text = sentence.repeat(40).trim();
    const chunks = chunkPassages(text);
    assert.ok(chunks.length >= 2, "long text is split");
    for (const c of chunks) {
      const slice = text.slice(c.start, c.end);
      assert.ok(slice.startsWith("This") && slice.endsWith("it."), "chunks hold whole sentences");
      assert.ok(slice.split(/\s+/).length <= 128);
    }
    assert.equal(chunks[0]!.start, 0);
    assert.equal(chunks.at(-1)!.end, text.length);
  });
});
