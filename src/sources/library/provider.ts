// The local library as a source provider: full-text search over ingested documents.
import type { LibraryRepository } from "../../store/library.js";
import type { SearchRequest, SourceHit, SourceProvider } from "../provider.js";

export class LibraryProvider implements SourceProvider {
  readonly id = "library";

  constructor(private readonly library: LibraryRepository) {}

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    signal.throwIfAborted();
    // Several passages of one document may match; a document scores by its best passage.
    const passages = await this.library.searchPassages(request.query, request.limit * 4);
    const best = new Map<number, number>();
    for (const p of passages) best.set(p.documentId, Math.max(best.get(p.documentId) ?? 0, p.score));
    const ids = [...best.keys()].slice(0, request.limit);
    const docs = await this.library.getDocuments(ids);
    return docs
      .map((d) => ({
        provider: this.id,
        url: d.url ?? `library:${d.key}`,
        title: d.title,
        publisher: d.publisher,
        author: d.author,
        publishedAt: d.publishedAt,
        snippet: null,
        score: best.get(d.id) ?? 0,
        text: d.text,
      }))
      .sort((a, b) => b.score - a.score);
  }
}
