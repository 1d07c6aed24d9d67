// The local library: documents, their passages, and full-text search over them.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { splitSentences, words, STOPWORDS } from "../domain/text.js";
import type { IncomingDocument } from "../domain/document.js";
import type { Store } from "./db.js";

export type UpsertResult = "added" | "updated" | "unchanged";

interface LibraryDocument {
  id: number;
  key: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  format: string;
  text: string;
  contentHash: string;
  ingestedAt: string;
}

interface PassageMatch {
  documentId: number;
  passageId: number;
  text: string;
  score: number;
}

/** Passages are runs of whole sentences of about this many words: small enough to rank, big enough to hold a finding. */
const PASSAGE_WORDS = 120;

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function chunkPassages(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let current: { start: number; end: number; words: number } | null = null;
  for (const sentence of splitSentences(text)) {
    const count = sentence.text.split(/\s+/).length;
    if (current && current.words + count > PASSAGE_WORDS) {
      chunks.push({ start: current.start, end: current.end });
      current = null;
    }
    current = current
      ? { start: current.start, end: sentence.end, words: current.words + count }
      : { start: sentence.start, end: sentence.end, words: count };
  }
  if (current) chunks.push({ start: current.start, end: current.end });
  return chunks;
}

export class LibraryRepository {
  constructor(private readonly store: Store) {}

  /**
   * Adds a batch of documents atomically: either every document of the batch with
   * all its passages is stored, or none is.
   */
  async upsertMany(docs: IncomingDocument[], now = new Date().toISOString()): Promise<UpsertResult[]> {
    return this.store.db.transaction().execute(async (trx) => {
      const results: UpsertResult[] = [];
      for (const doc of docs) {
        const contentHash = hashText(`${doc.title}\n${doc.text}`);
        const existing = await trx.selectFrom("documents").select(["id", "content_hash"]).where("key", "=", doc.key).executeTakeFirst();
        if (existing?.content_hash === contentHash) {
          results.push("unchanged");
          continue;
        }
        if (existing) {
          await sql`DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ${existing.id})`.execute(trx);
          await sql`DELETE FROM documents_fts WHERE rowid = ${existing.id}`.execute(trx);
          await trx.deleteFrom("passages").where("document_id", "=", existing.id).execute();
          await trx.deleteFrom("documents").where("id", "=", existing.id).execute();
        }
        const { id } = await trx
          .insertInto("documents")
          .values({
            key: doc.key,
            content_hash: contentHash,
            title: doc.title,
            url: doc.url,
            publisher: doc.publisher,
            author: doc.author,
            published_at: doc.publishedAt,
            format: doc.format,
            text: doc.text,
            ingested_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await sql`INSERT INTO documents_fts (rowid, title, text) VALUES (${id}, ${doc.title}, ${doc.text})`.execute(trx);
        const chunks = chunkPassages(doc.text);
        for (const [ordinal, chunk] of chunks.entries()) {
          const passageText = doc.text.slice(chunk.start, chunk.end);
          const passage = await trx
            .insertInto("passages")
            .values({ document_id: id, ordinal, start_offset: chunk.start, end_offset: chunk.end, text: passageText })
            .returning("id")
            .executeTakeFirstOrThrow();
          await sql`INSERT INTO passages_fts (rowid, text, title) VALUES (${passage.id}, ${passageText}, ${doc.title})`.execute(trx);
        }
        results.push(existing ? "updated" : "added");
      }
      return results;
    });
  }

  /** Best passages for a free-text query (BM25; title matches count half as much as body matches). */
  async searchPassages(query: string, limit: number): Promise<PassageMatch[]> {
    const match = toFtsQuery(query);
    if (!match) return [];
    const rows = await sql<{ passage_id: number; document_id: number; text: string; score: number }>`
      SELECT p.id AS passage_id, p.document_id AS document_id, p.text AS text, -bm25(passages_fts, 1.0, 0.5) AS score
      FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
      WHERE passages_fts MATCH ${match}
      ORDER BY bm25(passages_fts, 1.0, 0.5)
      LIMIT ${limit}`.execute(this.store.db);
    return rows.rows.map((r) => ({ passageId: r.passage_id, documentId: r.document_id, text: r.text, score: r.score }));
  }

  /** Best whole documents for a free-text query (BM25 over title and text; the title counts 1.5 times). */
  async searchDocuments(query: string, limit: number): Promise<{ documentId: number; score: number }[]> {
    const match = toFtsQuery(query);
    if (!match) return [];
    const rows = await sql<{ id: number; score: number }>`
      SELECT rowid AS id, -bm25(documents_fts, 1.5, 1.0) AS score FROM documents_fts
      WHERE documents_fts MATCH ${match} ORDER BY bm25(documents_fts, 1.5, 1.0) LIMIT ${limit}`.execute(this.store.db);
    return rows.rows.map((r) => ({ documentId: r.id, score: r.score }));
  }

  async getDocuments(ids: number[]): Promise<LibraryDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.store.db.selectFrom("documents").selectAll().where("id", "in", ids).execute();
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      title: r.title,
      url: r.url,
      publisher: r.publisher,
      author: r.author,
      publishedAt: r.published_at,
      format: r.format,
      text: r.text,
      contentHash: r.content_hash,
      ingestedAt: r.ingested_at,
    }));
  }

  /** Every document in id order, a page at a time (for work over the whole library). */
  async *allDocuments(pageSize = 200): AsyncGenerator<LibraryDocument[]> {
    let after = 0;
    for (;;) {
      const ids = await this.store.db.selectFrom("documents").select("id").where("id", ">", after).orderBy("id").limit(pageSize).execute();
      if (ids.length === 0) return;
      yield await this.getDocuments(ids.map((r) => r.id));
      after = ids.at(-1)!.id;
    }
  }

  async count(): Promise<{ documents: number; passages: number }> {
    const docs = await this.store.db
      .selectFrom("documents")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const passages = await this.store.db
      .selectFrom("passages")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return { documents: Number(docs.n), passages: Number(passages.n) };
  }
}

/**
 * Builds an FTS5 query from free text: each content word quoted (so user text can
 * never be read as FTS syntax) and OR-ed, so that BM25 ranks partial matches.
 */
export function toFtsQuery(text: string): string {
  const terms = [...new Set(words(text).filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w))))];
  return terms
    .slice(0, 32)
    .map((t) => `"${t.replace(/"/g, "")}"`)
    .join(" OR ");
}
