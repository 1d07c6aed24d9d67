// A whole publication as a stream of records, out of one store and into another (SQLite or PostgreSQL):
// the library's documents, the cited sources' stored texts, and every published check with its versions,
// votes and read count. Records come in a fixed order (documents by id, texts by hash, checks by creation,
// each followed by what belongs to it), so exporting what was imported gives the same records again.
// Not carried over: jobs and their event log (runs in progress), settings (the site's secrets), donations, and caches.
import { z } from "zod";
import type { IncomingDocument } from "../domain/document.js";
import type { Store } from "./db.js";
import { byteOrder } from "./dialect.js";
import { LibraryRepository } from "./library.js";

const text = z.string();
const nullableText = z.string().nullable();

export const PublicationRecord = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verity-export"), format: z.literal(1) }).strict(),
  z
    .object({
      kind: z.literal("document"),
      key: text.min(1),
      title: text,
      url: nullableText,
      publisher: nullableText,
      author: nullableText,
      publishedAt: nullableText,
      format: text,
      text,
      ingestedAt: text,
    })
    .strict(),
  z.object({ kind: z.literal("sourceText"), hash: text.min(1), text, storedAt: text }).strict(),
  z
    .object({
      kind: z.literal("check"),
      id: text.min(1),
      matchKey: text,
      slug: text,
      category: text,
      title: text,
      inputText: text,
      inputKind: text,
      status: z.enum(["done", "unpublished"]),
      version: z.number().int().positive(),
      report: z.record(z.string(), z.unknown()),
      createdAt: text,
      updatedAt: text,
      checkedAt: nullableText,
    })
    .strict(),
  z
    .object({
      kind: z.literal("version"),
      checkId: text.min(1),
      version: z.number().int().positive(),
      report: z.record(z.string(), z.unknown()),
      checkedAt: text,
    })
    .strict(),
  z
    .object({ kind: z.literal("vote"), checkId: text.min(1), voter: text.min(1), helpful: z.boolean(), createdAt: text, updatedAt: text })
    .strict(),
  z.object({ kind: z.literal("reads"), checkId: text.min(1), reads: z.number().int().nonnegative() }).strict(),
]);
export type PublicationRecord = z.infer<typeof PublicationRecord>;

export const EXPORT_HEADER: PublicationRecord = { kind: "verity-export", format: 1 };

/** Rows read per query while exporting. */
const PAGE = 500;

/** Every record of the store's publication, in the export's order, read a page at a time. */
export async function* publicationRecords(store: Store): AsyncGenerator<PublicationRecord> {
  yield EXPORT_HEADER;
  const db = store.db;
  const documents = (after: number) => db.selectFrom("documents").selectAll().where("id", ">", after).orderBy("id").limit(PAGE).execute();
  for await (const d of keyset(documents, (d) => d.id, 0)) {
    yield {
      kind: "document",
      key: d.key,
      title: d.title,
      url: d.url,
      publisher: d.publisher,
      author: d.author,
      publishedAt: d.published_at,
      format: d.format,
      text: d.text,
      ingestedAt: d.ingested_at,
    };
  }
  const hash = byteOrder(store, "hash");
  const texts = (after: string) => db.selectFrom("source_texts").selectAll().where(hash, ">", after).orderBy(hash).limit(PAGE).execute();
  for await (const t of keyset(texts, (t) => t.hash, "")) yield { kind: "sourceText", hash: t.hash, text: t.text, storedAt: t.stored_at };
  for (let offset = 0; ; offset += PAGE) {
    // Published checks only: a check still running its first version has nothing to move yet.
    const checks = await db
      .selectFrom("checks")
      .selectAll()
      .where("version", ">", 0)
      .where("report_json", "is not", null)
      .orderBy("created_at")
      .orderBy(byteOrder(store, "id"))
      .limit(PAGE)
      .offset(offset)
      .execute();
    if (checks.length === 0) break;
    const ids = checks.map((c) => c.id);
    const versions = await db.selectFrom("check_versions").selectAll().where("check_id", "in", ids).orderBy("version").execute();
    const votes = await db.selectFrom("votes").selectAll().where("check_id", "in", ids).orderBy(byteOrder(store, "voter")).execute();
    const reads = await db.selectFrom("check_reads").selectAll().where("check_id", "in", ids).execute();
    for (const c of checks) {
      yield {
        kind: "check",
        id: c.id,
        matchKey: c.match_key,
        slug: c.slug,
        category: c.category,
        title: c.title,
        inputText: c.input_text,
        inputKind: c.input_kind,
        // A refresh in progress is carried over as its last published version.
        status: c.status === "unpublished" ? "unpublished" : "done",
        version: c.version,
        report: JSON.parse(c.report_json!) as Record<string, unknown>,
        createdAt: c.created_at,
        updatedAt: c.updated_at,
        checkedAt: c.checked_at,
      };
      for (const v of versions.filter((v) => v.check_id === c.id)) {
        yield { kind: "version", checkId: c.id, version: v.version, report: JSON.parse(v.report_json), checkedAt: v.checked_at };
      }
      for (const v of votes.filter((v) => v.check_id === c.id)) {
        yield { kind: "vote", checkId: c.id, voter: v.voter, helpful: v.helpful === 1, createdAt: v.created_at, updatedAt: v.updated_at };
      }
      const r = reads.find((r) => r.check_id === c.id);
      if (r) yield { kind: "reads", checkId: c.id, reads: r.reads };
    }
  }
}

/** The rows of a query read a page at a time, each page after the last key of the one before. */
async function* keyset<Row, Key>(page: (after: Key) => Promise<Row[]>, keyOf: (row: Row) => Key, first: Key): AsyncGenerator<Row> {
  for (let after = first; ;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield* rows;
    after = keyOf(rows.at(-1)!);
  }
}

/** Documents are written this many at a time (one library batch each). */
const DOCUMENT_BATCH = 200;

/**
 * Writes records into a store: documents through the library (re-importing the same document changes
 * nothing), everything else as it was (a check or vote already there is replaced by the imported one).
 * Call flush() at the end.
 */
export class PublicationWriter {
  private documents: { doc: IncomingDocument; ingestedAt: string }[] = [];
  private readonly library: LibraryRepository;

  constructor(private readonly store: Store) {
    this.library = new LibraryRepository(store);
  }

  async write(record: PublicationRecord, where: string): Promise<void> {
    const db = this.store.db;
    switch (record.kind) {
      case "verity-export":
        return;
      case "document":
        this.documents.push({
          doc: {
            key: record.key,
            title: record.title,
            text: record.text,
            url: record.url,
            publisher: record.publisher,
            author: record.author,
            publishedAt: record.publishedAt,
            format: record.format as IncomingDocument["format"],
            origin: where,
          },
          ingestedAt: record.ingestedAt,
        });
        if (this.documents.length >= DOCUMENT_BATCH) await this.flushDocuments();
        return;
      case "sourceText":
        await db
          .insertInto("source_texts")
          .values({ hash: record.hash, text: record.text, stored_at: record.storedAt })
          .onConflict((oc) => oc.column("hash").doNothing())
          .execute();
        return;
      case "check": {
        const row = {
          match_key: record.matchKey,
          slug: record.slug,
          category: record.category,
          title: record.title,
          input_text: record.inputText,
          input_kind: record.inputKind,
          status: record.status,
          version: record.version,
          report_json: JSON.stringify(record.report),
          error: null,
          created_at: record.createdAt,
          updated_at: record.updatedAt,
          checked_at: record.checkedAt,
        };
        await db
          .insertInto("checks")
          .values({ id: record.id, ...row })
          .onConflict((oc) => oc.column("id").doUpdateSet(row))
          .execute();
        return;
      }
      case "version": {
        const json = JSON.stringify(record.report);
        await db
          .insertInto("check_versions")
          .values({ check_id: record.checkId, version: record.version, report_json: json, checked_at: record.checkedAt })
          .onConflict((oc) => oc.columns(["check_id", "version"]).doUpdateSet({ report_json: json, checked_at: record.checkedAt }))
          .execute();
        return;
      }
      case "vote": {
        const row = { helpful: record.helpful ? 1 : 0, created_at: record.createdAt, updated_at: record.updatedAt };
        await db
          .insertInto("votes")
          .values({ check_id: record.checkId, voter: record.voter, ...row })
          .onConflict((oc) => oc.columns(["check_id", "voter"]).doUpdateSet(row))
          .execute();
        return;
      }
      case "reads":
        await db
          .insertInto("check_reads")
          .values({ check_id: record.checkId, reads: record.reads })
          .onConflict((oc) => oc.column("check_id").doUpdateSet({ reads: record.reads }))
          .execute();
        return;
    }
  }

  async flush(): Promise<void> {
    await this.flushDocuments();
  }

  /** One library batch per run of documents ingested at the same time, so each keeps its ingestion time. */
  private async flushDocuments(): Promise<void> {
    const pending = this.documents;
    this.documents = [];
    for (let start = 0; start < pending.length;) {
      let end = start + 1;
      while (end < pending.length && pending[end]!.ingestedAt === pending[start]!.ingestedAt) end++;
      await this.library.upsertMany(
        pending.slice(start, end).map((p) => p.doc),
        pending[start]!.ingestedAt,
      );
      start = end;
    }
  }
}
