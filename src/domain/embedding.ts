// Sentence embeddings: what the local analyst asks of a sentence encoder, and of a cache of
// what it has embedded before. The encoder itself (src/encoder) is chosen by the composition root.

/** Turns sentences into unit-length vectors whose dot product says how alike their meanings are. */
export interface SentenceEncoder {
  /** Names the model and its version: embeddings of different ids are never mixed. */
  readonly id: string;
  readonly dimensions: number;
  /** One unit-length vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Embeddings kept by a key derived from the encoder's id and the text. */
export interface EmbeddingCache {
  getMany(keys: string[]): Promise<Map<string, Float32Array>>;
  /** Which of these keys are kept, without reading their vectors. */
  hasMany(keys: string[]): Promise<Set<string>>;
  putMany(entries: { key: string; vector: Float32Array }[]): Promise<void>;
}

/** The dot product of two unit vectors: their cosine similarity. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
