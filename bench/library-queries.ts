// The library's two full-text queries alone (documents and passages, as the library provider asks them),
// over a library kept by `npm run bench:library -- --keep DIR`: every word of each SciFact dev claim
// against the rarest words within row budgets, with the file memory-mapped or not, side by side in one
// run. Each query is timed three times and its least CPU time kept (the machine is shared).
// Usage: node --import tsx bench/library-queries.ts --db DIR/library-1000000/verity.sqlite [--checks 30] [--budgets 50000,20000]
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { ftsMatch, queryWords, rarestWithin, TermRows } from "../src/store/fts-terms.js";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    checks: { type: "string", default: "30" },
    budgets: { type: "string", default: "50000,20000" },
    "data-dir": { type: "string", default: "../shared/datasets" },
  },
});
if (!values.db) throw new Error("--db FILE: a library's verity.sqlite");

const claims = (await readFile(path.resolve(values["data-dir"]!, "scifact/claims_dev.jsonl"), "utf8"))
  .trim()
  .split("\n")
  .slice(0, Number(values.checks))
  .map((l) => JSON.parse(l).claim as string);

function cpuMs(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

function quantile(xs: number[], q: number): string {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(1);
}

console.log("| mmap | words | query CPU ms, median / p90 | counting the words' rows once, CPU ms for all claims |");
console.log("|---|---|---|---|");
for (const mmap of [0, 2147418112]) {
  const sqlite = new SQLite(values.db, { readonly: true });
  sqlite.pragma(`mmap_size = ${mmap}`);
  const documents = sqlite.prepare(
    "SELECT rowid, -bm25(documents_fts, 1.5, 1.0) FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 1.5, 1.0) LIMIT 10",
  );
  const passages = sqlite.prepare(
    `SELECT p.id, p.document_id, p.text, -bm25(passages_fts, 1.0, 0.5) FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
     WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts, 1.0, 0.5) LIMIT 20`,
  );
  const terms = new TermRows(sqlite);
  const start = process.cpuUsage();
  const counted = claims.map((c) => {
    const asked = queryWords(c);
    const rows = terms.rows(asked);
    return asked.map((word, i) => ({ word, rows: rows[i]! }));
  });
  const used = process.cpuUsage(start);
  const countMs = ((used.user + used.system) / 1000).toFixed(0);
  for (const budget of ["all", ...values.budgets!.split(",")]) {
    const ms = counted.map((c) => {
      const match = ftsMatch(budget === "all" ? c.map((x) => x.word) : rarestWithin(c, Number(budget)));
      return cpuMs(() => {
        documents.all(match);
        passages.all(match);
      });
    });
    const words = budget === "all" ? "every word" : `rarest within ${Number(budget).toLocaleString("en")} rows`;
    console.log(`| ${mmap ? "2 GB" : "off"} | ${words} | ${quantile(ms, 0.5)} / ${quantile(ms, 0.9)} | ${countMs} |`);
  }
  sqlite.close();
}
