// The local library as a source provider: full-text search over ingested documents.
import type { LibraryRepository } from "../../store/library.js";
import type { SearchRequest, SourceHit, SourceProvider } from "../provider.js";

export class LibraryProvider implements SourceProvider {
  readonly id = "library";

  constructor(private readonly library: LibraryRepository) {}

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    signal.throwIfAborted();
    // Whole-document BM25 ranks; the passage index adds long documents whose best part
    // matches although the whole does not (ranked after, in passage order).
    const byDocument = await this.library.searchDocuments(request.query, request.limit);
    const passages = await this.library.searchPassages(request.query, request.limit * 2);
    const score = new Map(byDocument.map((d) => [d.documentId, d.score]));
    let floor = Math.min(...byDocument.map((d) => d.score), Infinity);
    if (!Number.isFinite(floor)) floor = 1;
    for (const p of passages) {
      if (score.size >= request.limit) break;
      if (!score.has(p.documentId)) score.set(p.documentId, (floor *= 0.99));
    }
    const docs = await this.library.getDocuments([...score.keys()]);
    return docs
      .map((d) => ({
        provider: this.id,
        url: d.url ?? `library:${d.key}`,
        title: d.title,
        publisher: d.publisher,
        author: d.author,
        publishedAt: d.publishedAt,
        snippet: null,
        score: score.get(d.id) ?? 0,
        text: d.text,
      }))
      .sort((a, b) => b.score - a.score);
  }
}
