// SQL written by a library (pg-boss's statements) run inside one of the store's transactions, so that
// a job's record and its pg-boss job are written together or not at all.
import { CompiledQuery, type Kysely } from "kysely";

/** pg-boss's `db` option: runs its statement on `db` (a Kysely transaction). */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: any[]; rowCount: number }>;
}

export function sqlExecutor(db: Kysely<any>): SqlExecutor {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows], rowCount: Number(result.numAffectedRows ?? result.rows.length) };
    },
  };
}
