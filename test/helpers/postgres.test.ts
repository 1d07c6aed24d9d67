// The throwaway PostgreSQL cluster: each caller gets its own empty database on it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import pg from "pg";
import { freshDatabase, POSTGRES_SKIP } from "./postgres.js";

describe("test PostgreSQL cluster", { skip: POSTGRES_SKIP }, () => {
  it("gives each caller a separate, empty database", async () => {
    const [a, b] = [await freshDatabase(), await freshDatabase()];
    assert.notEqual(a, b);
    const first = new pg.Client({ connectionString: a });
    const second = new pg.Client({ connectionString: b });
    await first.connect();
    await second.connect();
    try {
      await first.query("CREATE TABLE only_here (x integer)");
      const seen = await second.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'only_here'");
      assert.equal(seen.rows[0].n, 0);
      const collation = await first.query("SELECT 'B' < 'a' AS byte_order");
      assert.equal(collation.rows[0].byte_order, true, "text compares by bytes, as in SQLite");
    } finally {
      await first.end();
      await second.end();
    }
  });
});
