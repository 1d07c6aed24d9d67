// The small SQL differences between SQLite and PostgreSQL that repositories share, in one place: reading
// fields of the JSON kept in text columns, and telling a unique-key clash from other errors. (Full-text
// search and bulk writes differ more: postgres/ holds those; migrations/dialect.ts the schema.)
import { sql, type RawBuilder } from "kysely";
import type { Store } from "./db.js";

export interface JsonSql {
  /** A field of a JSON text column as text (a number as its text in PostgreSQL), e.g. text("c.report_json", "verdict", "label"). */
  text(column: string, ...path: string[]): RawBuilder<unknown>;
  /** The elements of a JSON array field as a FROM item named `alias`, whose fields field(alias, name) reads. */
  elements(column: string, key: string, alias: string): RawBuilder<unknown>;
  field(alias: string, name: string): RawBuilder<unknown>;
}

const SAFE = /^[A-Za-z_][\w.]*$/;

function checked(...names: string[]): void {
  for (const n of names) if (!SAFE.test(n)) throw new Error(`not an SQL name: ${n}`);
}

const SQLITE_JSON: JsonSql = {
  text: (column, ...path) => (checked(column, ...path), sql.raw(`json_extract(${column}, '$.${path.join(".")}')`)),
  elements: (column, key, alias) => (checked(column, key, alias), sql.raw(`json_each(${column}, '$.${key}') AS ${alias}`)),
  field: (alias, name) => (checked(alias, name), sql.raw(`json_extract(${alias}.value, '$.${name}')`)),
};

const POSTGRES_JSON: JsonSql = {
  text: (column, ...path) => (checked(column, ...path), sql.raw(`(${column}::jsonb #>> '{${path.join(",")}}')`)),
  elements: (column, key, alias) => (
    checked(column, key, alias),
    sql.raw(`jsonb_array_elements(${column}::jsonb -> '${key}') AS ${alias}`)
  ),
  field: (alias, name) => (checked(alias, name), sql.raw(`(${alias}.value ->> '${name}')`)),
};

export function jsonSql(store: Store): JsonSql {
  return store.kind === "postgres" ? POSTGRES_JSON : SQLITE_JSON;
}

/**
 * A text column compared and sorted byte by byte, as SQLite does, whatever collation the PostgreSQL
 * database was created with (so an export lists rows in the same order from either).
 */
export function byteOrder(store: Store, column: string): RawBuilder<string> {
  checked(column);
  return store.kind === "postgres" ? sql.raw<string>(`${column} COLLATE "C"`) : sql.raw<string>(column);
}

/** Whether an insert failed on a unique index or key over this column (SQLite names the column, PostgreSQL the index). */
export function isUniqueViolation(error: unknown, table: string, column: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (e?.code === "23505") return typeof e.constraint === "string" && e.constraint.startsWith(`${table}_`) && e.constraint.includes(column);
  return new RegExp(`UNIQUE constraint failed: ${table}\\.${column}`).test(String(e?.message ?? error));
}
