// Embedding a library ahead of time. A check embeds what it reads that no check read before (its
// claims, the titles, and each document's few passages most like a claim): cheap for a page or two,
// but the first checks over a large library would each wait seconds for it. `verity embed` computes
// every title and passage of the library once, resumably (what is cached is skipped), so checks
// find them cached.
import { passagesOf } from "../domain/passages.js";
import type { Verity } from "./verity.js";

export interface EmbedProgress {
  documents: number;
  /** Texts embedded so far in this run, and those found already embedded. */
  embedded: number;
  cached: number;
}

export async function embedLibrary(verity: Verity, onProgress?: (progress: EmbedProgress) => void): Promise<EmbedProgress> {
  const progress: EmbedProgress = { documents: 0, embedded: 0, cached: 0 };
  for await (const page of verity.library.allDocuments()) {
    const texts = [...new Set(page.flatMap((d) => [d.title, ...passagesOf(d.text).map((p) => p.text)]))];
    const missing = await verity.encoder.missing(texts);
    // In slices, so progress moves and an interrupted run keeps what it did.
    for (let i = 0; i < missing.length; i += 256) {
      await verity.encoder.embed(missing.slice(i, i + 256));
      progress.embedded += Math.min(256, missing.length - i);
      onProgress?.({ ...progress });
    }
    progress.cached += texts.length - missing.length;
    progress.documents += page.length;
    onProgress?.({ ...progress });
  }
  return progress;
}
