// The sentence encoder's cache in the store: vectors by key, read and written in batches.
import type { EmbeddingCache } from "../domain/embedding.js";
import type { Store } from "./db.js";

/** SQLite binds at most this many values in one statement (a safe margin under its limit). */
const CHUNK = 500;

export class EmbeddingRepository implements EmbeddingCache {
  constructor(private readonly store: Store) {}

  async getMany(keys: string[]): Promise<Map<string, Float32Array>> {
    const rows = await inChunks(keys, (chunk) =>
      this.store.db.selectFrom("embeddings").select(["key", "vector"]).where("key", "in", chunk).execute(),
    );
    return new Map(rows.map((row) => [row.key, toVector(row.vector)]));
  }

  async hasMany(keys: string[]): Promise<Set<string>> {
    const rows = await inChunks(keys, (chunk) => this.store.db.selectFrom("embeddings").select("key").where("key", "in", chunk).execute());
    return new Set(rows.map((row) => row.key));
  }

  async putMany(entries: { key: string; vector: Float32Array }[]): Promise<void> {
    if (entries.length === 0) return;
    await this.store.db.transaction().execute(async (tx) => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const rows = entries.slice(i, i + CHUNK).map((e) => ({ key: e.key, vector: toBytes(e.vector) }));
        await tx
          .insertInto("embeddings")
          .values(rows)
          .onConflict((oc) => oc.column("key").doNothing())
          .execute();
      }
    });
  }

  async count(): Promise<number> {
    const row = await this.store.db
      .selectFrom("embeddings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

/** A query over many keys, asked CHUNK keys at a time. */
async function inChunks<T>(keys: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) rows.push(...(await query(keys.slice(i, i + CHUNK))));
  return rows;
}

function toBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

function toVector(bytes: Uint8Array): Float32Array {
  // A copy: the driver's buffer may not be aligned for a Float32Array view.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
