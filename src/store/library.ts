// The local library: documents, their passages, and full-text search over them.
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { splitSentences } from "../domain/text.js";
import type { IncomingDocument } from "../domain/document.js";
import type { SqliteStore, Store } from "./db.js";
import { ftsMatch, queryWords, rarestWithin, ROW_BUDGET, TermRows } from "./fts-terms.js";
import type SQLite from "better-sqlite3";
import { writeBatchPostgres } from "./postgres/library-writes.js";
import * as postgresSearch from "./postgres/text-search.js";

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

/** What tells a changed document from the same one ingested again. */
function contentHashOf(doc: IncomingDocument): string {
  return hashText(`${doc.title}\n${doc.text}`);
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

/** FTS5 keeps this many bytes of new terms in memory before writing a segment (its default, 1 MB, makes many small segments to merge on bulk loads). */
const FTS_HASH_BYTES = 8 * 1024 * 1024;

interface BatchStatements {
  ftsHashSize: () => void;
  find: SQLite.Statement;
  deletePassagesFts: SQLite.Statement;
  deleteDocumentFts: SQLite.Statement;
  deletePassages: SQLite.Statement;
  deleteDocument: SQLite.Statement;
  insertDocument: SQLite.Statement;
  insertPassage: SQLite.Statement;
  insertDocumentFts: SQLite.Statement;
  insertPassageFts: SQLite.Statement;
}

function prepareBatchStatements(sqlite: SQLite.Database): BatchStatements {
  let hashSizeChecked = false;
  return {
    // A setting each index keeps in its %_config table: looked at once per process, before the first batch, and
    // written only where the database does not hold it yet (a write outside the batch, not rolled back with it).
    ftsHashSize: () => {
      if (hashSizeChecked) return;
      for (const index of ["passages_fts", "documents_fts"]) {
        const stored: unknown = sqlite.prepare(`SELECT v FROM ${index}_config WHERE k = 'hashsize'`).pluck().get();
        if (stored !== FTS_HASH_BYTES) sqlite.exec(`INSERT INTO ${index} (${index}, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`);
      }
      hashSizeChecked = true;
    },
    find: sqlite.prepare("SELECT id, content_hash FROM documents WHERE key = ?"),
    deletePassagesFts: sqlite.prepare("DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)"),
    deleteDocumentFts: sqlite.prepare("DELETE FROM documents_fts WHERE rowid = ?"),
    deletePassages: sqlite.prepare("DELETE FROM passages WHERE document_id = ?"),
    deleteDocument: sqlite.prepare("DELETE FROM documents WHERE id = ?"),
    insertDocument: sqlite.prepare(
      `INSERT INTO documents (key, content_hash, title, url, publisher, author, published_at, format, text, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertPassage: sqlite.prepare("INSERT INTO passages (document_id, ordinal, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)"),
    insertDocumentFts: sqlite.prepare("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)"),
    insertPassageFts: sqlite.prepare("INSERT INTO passages_fts (rowid, text, title) VALUES (?, ?, ?)"),
  };
}

export class LibraryRepository {
  private statements: BatchStatements | null = null;
  /** SQLite only (PostgreSQL's search counts its words itself). */
  private readonly termRows: TermRows | null;

  constructor(
    private readonly store: Store,
    /** Rows a query may read (see fts-terms.ts); smaller only in tests. */
    private readonly rowBudget = ROW_BUDGET,
  ) {
    this.termRows = store.kind === "sqlite" ? new TermRows(store.sqlite) : null;
  }

  /**
   * Adds a batch of documents atomically: either every document of the batch with
   * all its passages is stored, or none is.
   */
  async upsertMany(docs: IncomingDocument[], now = new Date().toISOString()): Promise<UpsertResult[]> {
    const store = this.store;
    if (store.kind === "postgres") return writeBatchPostgres(store, docs, now, contentHashOf, chunkPassages);
    // Holding Kysely's connection keeps every other query out of this batch's transaction.
    return store.db.connection().execute(async () => this.writeBatch(store, docs, now));
  }

  /** One synchronous transaction of prepared statements: no query building or await per row. */
  private writeBatch(store: SqliteStore, docs: IncomingDocument[], now: string): UpsertResult[] {
    const s = (this.statements ??= prepareBatchStatements(store.sqlite));
    s.ftsHashSize();
    return store.sqlite.transaction(() => {
      const results: UpsertResult[] = [];
      // Full-text rows are written after all plain rows: every other statement in between opens a
      // savepoint, and FTS5 writes its pending terms to a new segment at each one (2-3 times slower).
      const indexLater = new Map<number, { title: string; text: string; passages: { id: number; text: string }[] }>();
      for (const doc of docs) {
        const contentHash = contentHashOf(doc);
        const existing = s.find.get(doc.key) as { id: number; content_hash: string } | undefined;
        if (existing?.content_hash === contentHash) {
          results.push("unchanged");
          continue;
        }
        if (existing) {
          // A document stored earlier in this batch is not in the full-text tables yet.
          if (!indexLater.delete(existing.id)) {
            s.deletePassagesFts.run(existing.id);
            s.deleteDocumentFts.run(existing.id);
          }
          s.deletePassages.run(existing.id);
          s.deleteDocument.run(existing.id);
        }
        const id = Number(
          s.insertDocument.run(
            doc.key,
            contentHash,
            doc.title,
            doc.url,
            doc.publisher,
            doc.author,
            doc.publishedAt,
            doc.format,
            doc.text,
            now,
          ).lastInsertRowid,
        );
        const passages = chunkPassages(doc.text).map((chunk, ordinal) => {
          const text = doc.text.slice(chunk.start, chunk.end);
          return { id: Number(s.insertPassage.run(id, ordinal, chunk.start, chunk.end, text).lastInsertRowid), text };
        });
        indexLater.set(id, { title: doc.title, text: doc.text, passages });
        results.push(existing ? "updated" : "added");
      }
      for (const [id, doc] of indexLater) {
        s.insertDocumentFts.run(id, doc.title, doc.text);
        for (const passage of doc.passages) s.insertPassageFts.run(passage.id, passage.text, doc.title);
      }
      return results;
    })();
  }

  /** Best passages for a free-text query (BM25; title matches count half as much as body matches). */
  async searchPassages(query: string, limit: number): Promise<PassageMatch[]> {
    if (this.store.kind === "postgres") {
      const asked = queryWords(query);
      const rows = asked.length > 0 ? await postgresSearch.searchPassages(this.store, asked, limit) : [];
      return rows.map((r) => ({ passageId: r.passage_id, documentId: r.document_id, text: r.text, score: r.score }));
    }
    const match = this.ftsQuery(query);
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
    if (this.store.kind === "postgres") {
      const asked = queryWords(query);
      const rows = asked.length > 0 ? await postgresSearch.searchDocuments(this.store, asked, limit) : [];
      return rows.map((r) => ({ documentId: r.id, score: r.score }));
    }
    const match = this.ftsQuery(query);
    if (!match) return [];
    const rows = await sql<{ id: number; score: number }>`
      SELECT rowid AS id, -bm25(documents_fts, 1.5, 1.0) AS score FROM documents_fts
      WHERE documents_fts MATCH ${match} ORDER BY bm25(documents_fts, 1.5, 1.0) LIMIT ${limit}`.execute(this.store.db);
    return rows.rows.map((r) => ({ documentId: r.id, score: r.score }));
  }

  /** The FTS5 query for free text: its rarest words within the row budget (see fts-terms.ts). */
  private ftsQuery(text: string): string {
    const asked = queryWords(text);
    if (asked.length <= 1) return ftsMatch(asked);
    const rows = this.termRows!.rows(asked);
    return ftsMatch(
      rarestWithin(
        asked.map((word, i) => ({ word, rows: rows[i]! })),
        this.rowBudget,
      ),
    );
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
