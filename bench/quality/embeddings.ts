// The encoder that training and the benchmarks share: the shipped sentence encoder behind a cache
// in .cache/ (or VERITY_CACHE_DIR), so that each text of the datasets is embedded once, ever.
import path from "node:path";
import { CachedEncoder } from "../../src/encoder/cached.js";
import { sharedUseLiteEncoder } from "../../src/encoder/use-lite.js";
import { openStore, type Store } from "../../src/store/db.js";
import { EmbeddingRepository } from "../../src/store/embeddings.js";

export function cacheDir(): string {
  return path.resolve(process.env.VERITY_CACHE_DIR ?? ".cache");
}

export interface TrainingEncoder {
  encoder: CachedEncoder;
  cache: EmbeddingRepository;
  close(): Promise<void>;
}

export async function openTrainingEncoder(): Promise<TrainingEncoder> {
  const store: Store = await openStore({ dataDir: path.join(cacheDir(), "embeddings") });
  const cache = new EmbeddingRepository(store);
  return { encoder: new CachedEncoder(sharedUseLiteEncoder(), cache), cache, close: () => store.close() };
}

/**
 * Embeds texts in chunks with a progress line (rate and time left), skipping those already cached.
 * With `shard` [i, n], only every n-th text from the i-th: n processes can share the work.
 */
export async function embedAll(
  { encoder }: TrainingEncoder,
  texts: string[],
  label: string,
  shard: [number, number] = [0, 1],
): Promise<void> {
  const mine = [...new Set(texts)].filter((_, i) => i % shard[1] === shard[0]);
  const todo = await encoder.missing(mine);
  const started = performance.now();
  const chunk = 512;
  for (let i = 0; i < todo.length; i += chunk) {
    await encoder.embed(todo.slice(i, i + chunk));
    const done = Math.min(todo.length, i + chunk);
    const rate = done / ((performance.now() - started) / 1000);
    process.stderr.write(
      `\r${label}: ${done}/${todo.length} embedded (${mine.length - todo.length} cached), ${rate.toFixed(1)}/s, ${Math.round((todo.length - done) / rate / 60)} min left   `,
    );
  }
  process.stderr.write(`\n${label}: ${mine.length} texts ready\n`);
}
