import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import type { EmbeddingCache, SentenceEncoder } from "../../../src/domain/embedding.js";
import { CachedEncoder, embeddingKey } from "../../../src/encoder/cached.js";
import { openStore } from "../../../src/store/db.js";
import { EmbeddingRepository } from "../../../src/store/embeddings.js";

/** A stand-in encoder that counts what it is asked to embed. */
function countingEncoder(id = "test-encoder") {
  const asked: string[] = [];
  const encoder: SentenceEncoder = {
    id,
    dimensions: 3,
    async embed(texts) {
      asked.push(...texts);
      return texts.map((t) => new Float32Array([t.length, 1, 0.5]));
    },
  };
  return { encoder, asked };
}

describe("CachedEncoder", () => {
  it("embeds each distinct text once, and answers repeats from memory", async () => {
    const { encoder, asked } = countingEncoder();
    const cached = new CachedEncoder(encoder);
    const [a, b, c] = await cached.embed(["alpha", "beta", "alpha"]);
    assert.deepEqual(asked, ["alpha", "beta"]);
    assert.deepEqual([...a!], [5, 1, 0.5]);
    assert.deepEqual([...b!], [4, 1, 0.5]);
    assert.deepEqual(a, c);
    await cached.embed(["beta", "alpha"]);
    assert.equal(asked.length, 2, "nothing new embedded");
  });

  it("says what is missing by asking the cache which texts it holds, never for their vectors", async () => {
    const { encoder, asked } = countingEncoder();
    const held = new Set([embeddingKey(encoder.id, "kept")]);
    const cache: EmbeddingCache = {
      getMany: async () => assert.fail("missing() read vectors it only had to count"),
      hasMany: async (keys) => new Set(keys.filter((k) => held.has(k))),
      putMany: async () => {},
    };
    assert.deepEqual(await new CachedEncoder(encoder, cache).missing(["kept", "new", "kept"]), ["new"]);
    assert.deepEqual(asked, [], "nothing embedded");
  });

  it("keeps embeddings in the store across processes, by encoder and text, and says what is missing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "verity-embeddings-"));
    try {
      const store = await openStore({ dataDir: dir });
      const first = countingEncoder();
      await new CachedEncoder(first.encoder, new EmbeddingRepository(store)).embed(["one sentence", "another"]);
      await store.close();

      const reopened = await openStore({ dataDir: dir });
      const repo = new EmbeddingRepository(reopened);
      assert.equal(await repo.count(), 2);
      const second = countingEncoder();
      const cached = new CachedEncoder(second.encoder, repo);
      assert.deepEqual(await cached.missing(["one sentence", "new"]), ["new"]);
      // Asked in chunks: a kept key after 600 unknown ones is still found.
      const unknown = Array.from({ length: 600 }, (_, i) => embeddingKey("test-encoder", `unknown ${i}`));
      assert.deepEqual(
        await repo.hasMany([...unknown, embeddingKey("test-encoder", "another")]),
        new Set([embeddingKey("test-encoder", "another")]),
      );
      const [v] = await cached.embed(["one sentence"]);
      assert.deepEqual(second.asked, [], "read from the store, not embedded again");
      assert.deepEqual([...v!], [12, 1, 0.5]);

      // Another model's vectors are never mixed in.
      const other = countingEncoder("other-encoder");
      await new CachedEncoder(other.encoder, repo).embed(["one sentence"]);
      assert.deepEqual(other.asked, ["one sentence"]);
      assert.notEqual(embeddingKey("test-encoder", "x"), embeddingKey("other-encoder", "x"));
      await reopened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
