// An encoder that remembers: each text's embedding is looked up by a key of the encoder's id and
// the text (in memory, then in the cache), and only the texts never seen are embedded.
import { createHash } from "node:crypto";
import type { EmbeddingCache, SentenceEncoder } from "../domain/embedding.js";

/** Vectors kept in memory (about 2 KB each). */
const MEMORY_ENTRIES = 20_000;

export class CachedEncoder implements SentenceEncoder {
  readonly id: string;
  readonly dimensions: number;
  private readonly memory = new Map<string, Float32Array>();

  constructor(
    private readonly encoder: SentenceEncoder,
    private readonly cache: EmbeddingCache | null = null,
  ) {
    this.id = encoder.id;
    this.dimensions = encoder.dimensions;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const keys = texts.map((t) => embeddingKey(this.id, t));
    const found = new Map<string, Float32Array>();
    const missingKeys: string[] = [];
    for (const key of new Set(keys)) {
      const hit = this.memory.get(key);
      if (hit) found.set(key, hit);
      else missingKeys.push(key);
    }
    if (missingKeys.length > 0 && this.cache) {
      for (const [key, vector] of await this.cache.getMany(missingKeys)) found.set(key, vector);
    }
    const toEmbed = [...new Map(keys.map((k, i) => [k, texts[i]!])).entries()].filter(([k]) => !found.has(k));
    if (toEmbed.length > 0) {
      const vectors = await this.encoder.embed(toEmbed.map(([, text]) => text));
      const entries = toEmbed.map(([key], i) => ({ key, vector: vectors[i]! }));
      for (const e of entries) found.set(e.key, e.vector);
      await this.cache?.putMany(entries);
    }
    for (const [key, vector] of found) this.remember(key, vector);
    return keys.map((k) => found.get(k)!);
  }

  /** The texts not embedded yet (for a progress bar, or to bound a check's work): asks the cache which it holds, not for their vectors. */
  async missing(texts: string[]): Promise<string[]> {
    const keys = texts.map((t) => embeddingKey(this.id, t));
    const unknown = keys.filter((k) => !this.memory.has(k));
    const stored = this.cache ? await this.cache.hasMany(unknown) : new Set<string>();
    return texts.filter((_, i) => !this.memory.has(keys[i]!) && !stored.has(keys[i]!));
  }

  private remember(key: string, vector: Float32Array): void {
    this.memory.delete(key);
    this.memory.set(key, vector);
    if (this.memory.size > MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value!);
  }
}

export function embeddingKey(encoderId: string, text: string): string {
  return createHash("sha256").update(encoderId).update("\n").update(text).digest("base64url");
}
