// Where the migrations differ between SQLite and PostgreSQL, in one place: generated ids, binary columns,
// and the full-text indexes (SQLite: FTS5 tables; PostgreSQL: tsvector columns with GIN indexes, with
// weights in place of FTS5's per-column bm25 weights: A for the column that counts most).
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the database numbers. */
export function generatedId(db: Kysely<any>): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPostgres(db) ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey().autoIncrement();
}

/** The column type for bytes. */
export function bytesType(db: Kysely<any>): "blob" | "bytea" {
  return isPostgres(db) ? "bytea" : "blob";
}

/** The text search configuration: English stemming, as FTS5's porter tokenizer does. */
export const TEXT_SEARCH_CONFIG = "english";

/**
 * A whole document's text is indexed up to this many characters (a tsvector holds at most 1 MB); the
 * passages index every part of longer ones.
 */
export const DOCUMENT_INDEX_CHARS = 200_000;

/** Passages' full-text index (migration 001). PostgreSQL: the library writes `search` with each passage. */
export async function createPassageSearch(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE passages ADD COLUMN search tsvector NOT NULL`.execute(db);
    await sql`CREATE INDEX passages_search ON passages USING gin (search)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, title, tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
}

/** Whole documents' full-text index (migration 004): title (weight A) and text (B). */
export async function createDocumentSearch(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(
        `ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', title), 'A') ||
          setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', left(text, ${DOCUMENT_INDEX_CHARS})), 'B')) STORED`,
      )
      .execute(db);
    await sql`CREATE INDEX documents_search ON documents USING gin (search)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text FROM documents`.execute(db);
}

/**
 * Published reports' full-text index (migration 005), kept in step by triggers so every publisher (server,
 * CLI, worker) updates it: title (A), submitted text (B), summary paragraphs and headline (C).
 */
export async function createCheckSearch(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE checks ADD COLUMN search_summary text`.execute(db);
    await sql`ALTER TABLE checks ADD COLUMN search tsvector`.execute(db);
    await sql
      .raw(
        `CREATE FUNCTION checks_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.report_json IS NOT NULL AND NEW.version > 0 THEN
            NEW.search_summary := coalesce((
                SELECT string_agg(p.value->>'text', ' ')
                FROM jsonb_array_elements(NEW.report_json::jsonb->'sections') AS s,
                  jsonb_array_elements(s.value->'paragraphs') AS p
                WHERE s.value->>'kind' = 'summary'
              ), '') || ' ' || coalesce(NEW.report_json::jsonb->'verdict'->>'headline', '');
            NEW.search := setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', NEW.title), 'A') ||
              setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', NEW.input_text), 'B') ||
              setweight(to_tsvector('${TEXT_SEARCH_CONFIG}', NEW.search_summary), 'C');
          ELSE
            NEW.search_summary := NULL;
            NEW.search := NULL;
          END IF;
          RETURN NEW;
        END $$`,
      )
      .execute(db);
    await sql`CREATE TRIGGER checks_search BEFORE INSERT OR UPDATE OF report_json, title, version ON checks
      FOR EACH ROW EXECUTE FUNCTION checks_search()`.execute(db);
    await sql`CREATE INDEX checks_search_index ON checks USING gin (search)`.execute(db);
    // Reports published before this migration.
    await sql`UPDATE checks SET version = version WHERE report_json IS NOT NULL`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE checks_fts USING fts5(
    check_id UNINDEXED, title, input, summary, tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER checks_fts_insert AFTER INSERT ON checks
    WHEN new.report_json IS NOT NULL AND new.version > 0 BEGIN
      INSERT INTO checks_fts (check_id, title, input, summary) VALUES (new.id, new.title, new.input_text, ${SUMMARY_OF_NEW});
    END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER checks_fts_update AFTER UPDATE OF report_json, title, version ON checks BEGIN
      DELETE FROM checks_fts WHERE check_id = old.id;
      INSERT INTO checks_fts (check_id, title, input, summary)
        SELECT new.id, new.title, new.input_text, ${SUMMARY_OF_NEW} WHERE new.report_json IS NOT NULL AND new.version > 0;
    END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER checks_fts_delete AFTER DELETE ON checks BEGIN DELETE FROM checks_fts WHERE check_id = old.id; END`)
    .execute(db);
  // Reports published before this migration.
  await sql
    .raw(
      `INSERT INTO checks_fts (check_id, title, input, summary)
      SELECT new.id, new.title, new.input_text, ${SUMMARY_OF_NEW} FROM checks AS new WHERE new.report_json IS NOT NULL AND new.version > 0`,
    )
    .execute(db);
}

/** SQLite: the text a published report contributes to search (its summary paragraphs and headline). */
const SUMMARY_OF_NEW = `coalesce((
    SELECT group_concat(json_extract(p.value, '$.text'), ' ')
    FROM json_each(new.report_json, '$.sections') AS s, json_each(s.value, '$.paragraphs') AS p
    WHERE json_extract(s.value, '$.kind') = 'summary'
  ), '') || ' ' || coalesce(json_extract(new.report_json, '$.verdict.headline'), '')`;

/** Drops what createCheckSearch made. */
export async function dropCheckSearch(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER checks_search ON checks`.execute(db);
    await sql`DROP FUNCTION checks_search()`.execute(db);
    await sql`ALTER TABLE checks DROP COLUMN search, DROP COLUMN search_summary`.execute(db);
    return;
  }
  for (const trigger of ["checks_fts_insert", "checks_fts_update", "checks_fts_delete"])
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
  await sql`DROP TABLE checks_fts`.execute(db);
}
