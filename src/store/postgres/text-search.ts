// Full-text search on PostgreSQL: the tsvector columns of migrations/dialect.ts, queried with
// websearch_to_tsquery (which reads the same quoted, OR-ed query strings the FTS5 searches build, and never
// fails on user text) and ranked with ts_rank_cd, weighted per column as FTS5's bm25 weights are.
import { sql, type RawBuilder } from "kysely";
import type { PostgresStore } from "../db.js";
import { TEXT_SEARCH_CONFIG } from "../migrations/dialect.js";

/** ts_rank's weights for the labels {D, C, B, A}. */
type Weights = readonly [number, number, number, number];

/** Passages: the text (A) counts twice the document's title (B), as bm25(passages_fts, 1.0, 0.5). */
const PASSAGE_WEIGHTS: Weights = [0, 0, 0.5, 1];
/** Documents: the title (A) counts 1.5 times the text (B), as bm25(documents_fts, 1.5, 1.0). */
const DOCUMENT_WEIGHTS: Weights = [0, 0, 2 / 3, 1];
/** Reports: title (A) 3, submitted text (B) 2, summary (C) 1, as bm25(checks_fts, 0, 3, 2, 1). */
const CHECK_WEIGHTS: Weights = [0, 1 / 3, 2 / 3, 1];

/**
 * ts_rank_cd's normalisation: 1 divides the rank by 1 + log(length), so that long texts do not win on
 * length alone (bm25's length normalisation does the same in SQLite).
 */
const NORMALIZATION = 1;

function query(match: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery(${TEXT_SEARCH_CONFIG}::regconfig, ${match})`;
}

function rank(weights: Weights, column: RawBuilder<unknown>, q: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`ts_rank_cd(${`{${weights.join(",")}}`}::float4[], ${column}, ${q}, ${NORMALIZATION})`;
}

/** The passage search's text for one passage: its text (A) and its document's title (B). */
export function passageVector(text: string, title: string): RawBuilder<unknown> {
  return sql`setweight(to_tsvector(${TEXT_SEARCH_CONFIG}::regconfig, ${text}), 'A') || setweight(to_tsvector(${TEXT_SEARCH_CONFIG}::regconfig, ${title}), 'B')`;
}

export async function searchPassages(
  store: PostgresStore,
  match: string,
  limit: number,
): Promise<{ passage_id: number; document_id: number; text: string; score: number }[]> {
  const q = query(match);
  const result = await sql<{ passage_id: number; document_id: number; text: string; score: number }>`
    SELECT p.id AS passage_id, p.document_id AS document_id, p.text AS text, ${rank(PASSAGE_WEIGHTS, sql`p.search`, q)} AS score
    FROM passages p WHERE p.search @@ ${q}
    ORDER BY score DESC, p.id LIMIT ${limit}`.execute(store.db);
  return result.rows;
}

export async function searchDocuments(store: PostgresStore, match: string, limit: number): Promise<{ id: number; score: number }[]> {
  const q = query(match);
  const result = await sql<{ id: number; score: number }>`
    SELECT d.id AS id, ${rank(DOCUMENT_WEIGHTS, sql`d.search`, q)} AS score
    FROM documents d WHERE d.search @@ ${q}
    ORDER BY score DESC, d.id LIMIT ${limit}`.execute(store.db);
  return result.rows;
}

/** Published reports matching a query: how many. */
export async function countChecks(store: PostgresStore, match: string, published: RawBuilder<unknown>): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM checks c WHERE c.search @@ ${query(match)} AND ${published}`.execute(
    store.db,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** Published reports matching a query, best first, each with a snippet whose matches sit between \u0002 and \u0003. */
export async function matchingChecks<Row>(
  store: PostgresStore,
  match: string,
  published: RawBuilder<unknown>,
  columns: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<Row[]> {
  const q = query(match);
  const result = await sql<Row>`SELECT ${columns},
      ts_headline(${TEXT_SEARCH_CONFIG}::regconfig, c.title || ' ' || c.input_text || ' ' || coalesce(c.search_summary, ''), ${q},
        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM checks c WHERE c.search @@ ${q} AND ${published}
    ORDER BY ${rank(CHECK_WEIGHTS, sql`c.search`, q)} DESC, c.checked_at DESC
    LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
  return result.rows;
}
