// The library's bulk writes on PostgreSQL: one transaction per batch, a few multi-row statements instead of
// a round trip per row (SQLite's path, in library.ts, runs prepared statements on its own connection).
import { sql } from "kysely";
import type { IncomingDocument } from "../../domain/document.js";
import type { PostgresStore } from "../db.js";
import { passageVector } from "./text-search.js";

type UpsertResult = "added" | "updated" | "unchanged";

interface Prepared {
  doc: IncomingDocument;
  contentHash: string;
  passages: { start: number; end: number }[];
}

/** Rows per statement: PostgreSQL binds at most 65,535 values in one. */
const DOCUMENT_ROWS = 1000;
const PASSAGE_ROWS = 2000;

export async function writeBatchPostgres(
  store: PostgresStore,
  docs: IncomingDocument[],
  now: string,
  hashOf: (doc: IncomingDocument) => string,
  chunk: (text: string) => { start: number; end: number }[],
): Promise<UpsertResult[]> {
  return store.db.transaction().execute(async (trx) => {
    const keys = [...new Set(docs.map((d) => d.key))];
    // What the database holds for these keys; then the batch is read in order, as SQLite's path does.
    const stored = new Map<string, { id: number | null; hash: string }>();
    for (let i = 0; i < keys.length; i += DOCUMENT_ROWS) {
      const rows = await trx
        .selectFrom("documents")
        .select(["id", "key", "content_hash"])
        .where("key", "in", keys.slice(i, i + DOCUMENT_ROWS))
        .forUpdate()
        .execute();
      for (const r of rows) stored.set(r.key, { id: r.id, hash: r.content_hash });
    }
    const replaced: number[] = [];
    const pending = new Map<string, Prepared>();
    const results: UpsertResult[] = [];
    for (const doc of docs) {
      const contentHash = hashOf(doc);
      const existing = stored.get(doc.key);
      if (existing?.hash === contentHash) {
        results.push("unchanged");
        continue;
      }
      if (existing?.id != null) replaced.push(existing.id);
      stored.set(doc.key, { id: null, hash: contentHash });
      // A later version of a key in the same batch replaces the earlier one (and keeps the batch's order).
      pending.delete(doc.key);
      pending.set(doc.key, { doc, contentHash, passages: chunk(doc.text) });
      results.push(existing ? "updated" : "added");
    }
    // Passages go with their document (ON DELETE CASCADE).
    for (let i = 0; i < replaced.length; i += DOCUMENT_ROWS) {
      await trx
        .deleteFrom("documents")
        .where("id", "in", replaced.slice(i, i + DOCUMENT_ROWS))
        .execute();
    }
    const toInsert = [...pending.values()];
    for (let i = 0; i < toInsert.length; i += DOCUMENT_ROWS) {
      const slice = toInsert.slice(i, i + DOCUMENT_ROWS);
      const ids = await trx
        .insertInto("documents")
        .values(
          slice.map(({ doc, contentHash }) => ({
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
          })),
        )
        .returning(["id", "key"])
        .execute();
      const idOf = new Map(ids.map((r) => [r.key, r.id]));
      const passages = slice.flatMap(({ doc, passages }) =>
        passages.map((p, ordinal) => {
          const text = doc.text.slice(p.start, p.end);
          return sql`(${idOf.get(doc.key)!}, ${ordinal}, ${p.start}, ${p.end}, ${text}, ${passageVector(text, doc.title)})`;
        }),
      );
      for (let j = 0; j < passages.length; j += PASSAGE_ROWS) {
        await sql`INSERT INTO passages (document_id, ordinal, start_offset, end_offset, text, search)
          VALUES ${sql.join(passages.slice(j, j + PASSAGE_ROWS))}`.execute(trx);
      }
    }
    return results;
  });
}
