// The archive: published checks listed by recency, reads, category, topic or
// entity, and found by full-text search (the checks_fts index of migration 005).
// A check is published when it has a version and is not unpublished; while it is
// being re-checked it stays listed with its last version.
import { sql, type RawBuilder } from "kysely";
import { Report, type VerdictLabel } from "../domain/report.js";
import { STOPWORDS, words } from "../domain/text.js";
import type { Store } from "./db.js";
import { jsonSql, type JsonSql } from "./dialect.js";
import { countChecks, matchingChecks } from "./postgres/text-search.js";

export interface CheckSummary {
  id: string;
  url: string;
  title: string;
  category: string;
  verdict: VerdictLabel;
  confidence: number;
  headline: string;
  checkedAt: string;
  version: number;
  /** Search results only: the matching text, with matches between \u0002 and \u0003. */
  snippet?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface EntitySummary {
  name: string;
  type: string;
  count: number;
  description: string | null;
}

/** People and organisations have their own pages; places and other named things are topics. */
export const PERSON_TYPES = ["person", "organization"] as const;
export const TOPIC_TYPES = ["place", "other"] as const;

const PUBLISHED = sql`c.report_json IS NOT NULL AND c.version > 0 AND c.status != 'unpublished'`;

function summaryColumns(json: JsonSql): RawBuilder<unknown> {
  const report = (...path: string[]) => json.text("c.report_json", ...path);
  return sql`c.id AS id, ${report("url")} AS url, c.title AS title, c.category AS category,
  ${report("verdict", "label")} AS verdict, ${report("verdict", "confidence")} AS confidence,
  ${report("verdict", "headline")} AS headline, c.checked_at AS checked_at, c.version AS version`;
}

/** A CheckSummary as summaryColumns selects it (checked_at, as the column is named). */
type SummaryRow = Omit<CheckSummary, "checkedAt"> & { checked_at: string };

function toSummary(r: SummaryRow): CheckSummary {
  const out: CheckSummary = {
    id: r.id,
    url: r.url,
    title: r.title,
    category: r.category,
    verdict: r.verdict,
    confidence: Number(r.confidence),
    headline: r.headline ?? "",
    checkedAt: r.checked_at,
    version: r.version,
  };
  if (r.snippet !== undefined) out.snippet = r.snippet;
  return out;
}

function entityFilter(json: JsonSql, name: string, types: readonly string[]): RawBuilder<unknown> {
  return sql`EXISTS (SELECT 1 FROM ${json.elements("c.report_json", "entities", "e")}
    WHERE lower(${json.field("e", "name")}) = lower(${name}) AND ${json.field("e", "type")} IN (${sql.join(types.map((t) => sql`${t}`))}))`;
}

export interface ListOptions {
  category?: string;
  entity?: { name: string; types: readonly string[] };
  /** "reads": the most read first, only checks read at least once. */
  order?: "latest" | "reads";
  limit: number;
  offset: number;
}

export class ArchiveRepository {
  private readonly json: JsonSql;
  private readonly columns: RawBuilder<unknown>;

  constructor(private readonly store: Store) {
    this.json = jsonSql(store);
    this.columns = summaryColumns(this.json);
  }

  async list(options: ListOptions): Promise<Page<CheckSummary>> {
    const filters = [PUBLISHED];
    if (options.category) filters.push(sql`c.category = ${options.category}`);
    if (options.entity) filters.push(entityFilter(this.json, options.entity.name, options.entity.types));
    if (options.order === "reads") filters.push(sql`coalesce(r.reads, 0) > 0`);
    const where = sql.join(filters, sql` AND `);
    const order = options.order === "reads" ? sql`coalesce(r.reads, 0) DESC, c.checked_at DESC, c.id` : sql`c.checked_at DESC, c.id`;
    const rows = await sql<SummaryRow>`SELECT ${this.columns} FROM checks c LEFT JOIN check_reads r ON r.check_id = c.id
      WHERE ${where} ORDER BY ${order} LIMIT ${options.limit} OFFSET ${options.offset}`.execute(this.store.db);
    const count = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM checks c LEFT JOIN check_reads r ON r.check_id = c.id WHERE ${where}`.execute(this.store.db);
    return { items: rows.rows.map(toSummary), total: Number(count.rows[0]?.n ?? 0) };
  }

  /**
   * Full-text search over titles, submitted texts and summaries: every word must match
   * (any word, when that finds nothing). User text is quoted, never read as FTS syntax.
   */
  async search(query: string, limit: number, offset: number): Promise<Page<CheckSummary>> {
    const all = words(query);
    const content = all.filter((w) => !STOPWORDS.has(w));
    const terms = [...new Set(content.length > 0 ? content : all)].slice(0, 16);
    if (terms.length === 0) return { items: [], total: 0 };
    const quoted = terms.map((t) => `"${t.replace(/"/g, "")}"`);
    const attempts = quoted.length > 1 ? [quoted.join(" "), quoted.join(" OR ")] : quoted;
    for (const [i, match] of attempts.entries()) {
      const total = await this.countMatches(match);
      if (total === 0 && i < attempts.length - 1) continue;
      return { items: (await this.matches(match, limit, offset)).map(toSummary), total };
    }
    return { items: [], total: 0 };
  }

  private async countMatches(match: string): Promise<number> {
    if (this.store.kind === "postgres") return countChecks(this.store, match, PUBLISHED);
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM checks_fts f JOIN checks c ON c.id = f.check_id
      WHERE checks_fts MATCH ${match} AND ${PUBLISHED}`.execute(this.store.db);
    return Number(count.rows[0]?.n ?? 0);
  }

  private async matches(match: string, limit: number, offset: number): Promise<SummaryRow[]> {
    if (this.store.kind === "postgres") return matchingChecks<SummaryRow>(this.store, match, PUBLISHED, this.columns, limit, offset);
    const rows = await sql<SummaryRow>`SELECT ${this.columns},
        snippet(checks_fts, -1, char(2), char(3), '…', 24) AS snippet
      FROM checks_fts f JOIN checks c ON c.id = f.check_id
      WHERE checks_fts MATCH ${match} AND ${PUBLISHED}
      ORDER BY bm25(checks_fts, 0.0, 3.0, 2.0, 1.0), c.checked_at DESC
      LIMIT ${limit} OFFSET ${offset}`.execute(this.store.db);
    return rows.rows;
  }

  /** Published checks per category. */
  async categoryCounts(): Promise<Map<string, number>> {
    const rows = await sql<{ category: string; n: number }>`SELECT c.category AS category, count(*) AS n FROM checks c
      WHERE ${PUBLISHED} GROUP BY c.category`.execute(this.store.db);
    return new Map(rows.rows.map((r) => [r.category, Number(r.n)]));
  }

  /** Named entities of the given types across published checks, most checked first. */
  async entities(types: readonly string[], limit = 200): Promise<EntitySummary[]> {
    const { field } = this.json;
    const rows = await sql<{ name: string; type: string; n: number; description: string | null }>`
      SELECT min(${field("e", "name")}) AS name, min(${field("e", "type")}) AS type,
        count(DISTINCT c.id) AS n, max(${field("e", "description")}) AS description
      FROM checks c, ${this.json.elements("c.report_json", "entities", "e")}
      WHERE ${PUBLISHED} AND ${field("e", "type")} IN (${sql.join(types.map((t) => sql`${t}`))})
      GROUP BY lower(${field("e", "name")})
      ORDER BY n DESC, name LIMIT ${limit}`.execute(this.store.db);
    return rows.rows.map((r) => ({ name: r.name, type: r.type, count: Number(r.n), description: r.description }));
  }

  /** One entity as the reports name it, with a description when one of them has it. */
  async entity(name: string, types: readonly string[]): Promise<EntitySummary | null> {
    const { field } = this.json;
    const rows = await sql<{ name: string; type: string; n: number; description: string | null }>`
      SELECT min(${field("e", "name")}) AS name, ${field("e", "type")} AS type,
        count(DISTINCT c.id) AS n, max(${field("e", "description")}) AS description
      FROM checks c, ${this.json.elements("c.report_json", "entities", "e")}
      WHERE ${PUBLISHED} AND lower(${field("e", "name")}) = lower(${name})
        AND ${field("e", "type")} IN (${sql.join(types.map((t) => sql`${t}`))})
      GROUP BY ${field("e", "type")} ORDER BY n DESC LIMIT 1`.execute(this.store.db);
    const r = rows.rows[0];
    return r ? { name: r.name, type: r.type, count: Number(r.n), description: r.description } : null;
  }

  /** The published report whose URL ends in this short id (the slug tells apart the rare clash). */
  async findPublished(shortId: string, slug?: string): Promise<Report | null> {
    const clean = shortId.toLowerCase().replace(/[^0-9a-f-]/g, "");
    if (clean.length < 8) return null;
    const rows = await sql<{ report_json: string; slug: string }>`SELECT c.report_json AS report_json, c.slug AS slug FROM checks c
      WHERE c.id LIKE ${clean + "%"} AND ${PUBLISHED} LIMIT 5`.execute(this.store.db);
    const row = rows.rows.find((r) => slug === undefined || r.slug === slug) ?? rows.rows[0];
    return row ? Report.parse(JSON.parse(row.report_json)) : null;
  }

  /** A published report by id. */
  async getPublished(id: string): Promise<Report | null> {
    const rows = await sql<{
      report_json: string;
    }>`SELECT c.report_json AS report_json FROM checks c WHERE c.id = ${id} AND ${PUBLISHED}`.execute(this.store.db);
    const row = rows.rows[0];
    return row ? Report.parse(JSON.parse(row.report_json)) : null;
  }

  /** Published checks asked the same way (to link a follow-up question to its check). */
  async findByMatchKeys(matchKeys: string[]): Promise<Map<string, CheckSummary>> {
    const out = new Map<string, CheckSummary>();
    if (matchKeys.length === 0) return out;
    const rows = await sql<SummaryRow & { match_key: string }>`SELECT ${this.columns}, c.match_key AS match_key FROM checks c
      WHERE ${PUBLISHED} AND c.match_key IN (${sql.join(matchKeys.map((k) => sql`${k}`))}) ORDER BY c.checked_at ASC`.execute(
      this.store.db,
    );
    for (const r of rows.rows) out.set(r.match_key, toSummary(r));
    return out;
  }

  async summaries(ids: string[]): Promise<Map<string, CheckSummary>> {
    const out = new Map<string, CheckSummary>();
    if (ids.length === 0) return out;
    const rows = await sql<SummaryRow>`SELECT ${this.columns} FROM checks c
      WHERE ${PUBLISHED} AND c.id IN (${sql.join(ids.map((id) => sql`${id}`))})`.execute(this.store.db);
    for (const r of rows.rows) out.set(r.id, toSummary(r));
    return out;
  }

  /** Every check with a published version, unpublished ones too, newest first (the admin list). */
  async adminList(limit: number, offset: number): Promise<Page<CheckSummary & { status: string; reads: number }>> {
    const rows = await sql<
      SummaryRow & { status: string; reads: number | null }
    >`SELECT ${this.columns}, c.status AS status, r.reads AS reads
      FROM checks c LEFT JOIN check_reads r ON r.check_id = c.id
      WHERE c.report_json IS NOT NULL AND c.version > 0 ORDER BY c.checked_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`.execute(
      this.store.db,
    );
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM checks c WHERE c.report_json IS NOT NULL AND c.version > 0`.execute(
      this.store.db,
    );
    return {
      items: rows.rows.map((r) => ({ ...toSummary(r), status: r.status, reads: Number(r.reads ?? 0) })),
      total: Number(count.rows[0]?.n ?? 0),
    };
  }
}
