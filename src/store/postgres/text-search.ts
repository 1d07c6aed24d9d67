// Full-text search on PostgreSQL, over the tsvector columns of migrations/dialect.ts, weighted per column
// as FTS5's bm25 weights are. The library ranks as bm25 does: each query word's ts_rank (its frequency in
// the text, over the log of the text's length) times the word's rarity in the library (its inverse document
// frequency, counted at query time through the GIN index). ts_rank alone has no notion of rarity: on
// SciFact dev it gave nDCG@10 0.325 against FTS5's 0.669; with it, 0.667. Reports (a small index, every
// word required first) use websearch_to_tsquery, which reads the archive's quoted query strings as FTS5 does.
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
 * ts_rank's normalisation: 1 divides the rank by 1 + log(length), so that long texts do not win on length
 * alone (bm25's length normalisation does the same in SQLite; on SciFact 0.667 against 0.649 without).
 */
const NORMALIZATION = 1;

function query(match: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery(${TEXT_SEARCH_CONFIG}::regconfig, ${match})`;
}

function rank(weights: Weights, column: RawBuilder<unknown>, q: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`ts_rank(${`{${weights.join(",")}}`}::float4[], ${column}, ${q}, ${NORMALIZATION})`;
}

/**
 * The ids of a table's rows that match any of the words, best first, with their scores: the sum over the
 * words a row holds of ts_rank × bm25's idf, ln(1 + (N − n + 0.5) / (n + 0.5)) for a word in n of N rows.
 */
function rankedByRarity(table: "documents" | "passages", terms: string[], weights: Weights, limit: number): RawBuilder<unknown> {
  const t = sql.table(table);
  // MATERIALIZED: each word's count is made once, not again for every row that joins it.
  return sql`WITH words AS MATERIALIZED (
      SELECT q.tq, (SELECT count(*) FROM ${t} x WHERE x.search @@ q.tq)::float8 AS n
      FROM (SELECT DISTINCT plainto_tsquery(${TEXT_SEARCH_CONFIG}::regconfig, w) AS tq FROM unnest(${terms}::text[]) AS w) AS q
      WHERE numnode(q.tq) > 0
    ), total AS (SELECT count(*)::float8 AS n FROM ${t})
    SELECT r.id AS id, sum(ln(1 + (total.n - words.n + 0.5) / (words.n + 0.5)) * ${rank(weights, sql`r.search`, sql`words.tq`)}) AS score
    FROM words, total, ${t} r WHERE r.search @@ words.tq
    GROUP BY r.id ORDER BY score DESC, r.id LIMIT ${limit}`;
}

/** The passage search's text for one passage: its text (A) and its document's title (B). */
export function passageVector(text: string, title: string): RawBuilder<unknown> {
  return sql`setweight(to_tsvector(${TEXT_SEARCH_CONFIG}::regconfig, ${text}), 'A') || setweight(to_tsvector(${TEXT_SEARCH_CONFIG}::regconfig, ${title}), 'B')`;
}

export async function searchPassages(
  store: PostgresStore,
  terms: string[],
  limit: number,
): Promise<{ passage_id: number; document_id: number; text: string; score: number }[]> {
  const result = await sql<{ passage_id: number; document_id: number; text: string; score: number }>`
    SELECT p.id AS passage_id, p.document_id AS document_id, p.text AS text, r.score AS score
    FROM (${rankedByRarity("passages", terms, PASSAGE_WEIGHTS, limit)}) AS r JOIN passages p ON p.id = r.id
    ORDER BY r.score DESC, p.id`.execute(store.db);
  return result.rows;
}

export async function searchDocuments(store: PostgresStore, terms: string[], limit: number): Promise<{ id: number; score: number }[]> {
  const result = await sql<{ id: number; score: number }>`${rankedByRarity("documents", terms, DOCUMENT_WEIGHTS, limit)}`.execute(store.db);
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
