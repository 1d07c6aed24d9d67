// Which words of a query the full-text search asks for. FTS5 scores every row that holds any of the
// OR-ed words, so one common word ("cells", "patients") makes a query read most of a large index:
// over a million passages that is seconds a query. The rarest words say the most about what is asked
// (they weigh most in BM25 too), so a query keeps the rarest of its words whose rows, together, fit a
// budget; over a library of SciFact's size every word fits, and nothing changes.
import type SQLite from "better-sqlite3";
import { STOPWORDS, words } from "../domain/text.js";

/** Rows (passages) a query may read, summed over its words: tens of milliseconds of FTS5 work. */
export const ROW_BUDGET = 50_000;
/** The most words a query asks for. */
const MAX_WORDS = 32;

/** A query's distinct content words, in order: what the full-text search can ask for. */
export function queryWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w))))].slice(0, MAX_WORDS);
}

/** An FTS5 query OR-ing the words, each quoted so that user text is never read as FTS syntax. */
export function ftsMatch(queryWords: string[]): string {
  return queryWords.map((w) => `"${w.replace(/"/g, "")}"`).join(" OR ");
}

/**
 * The rarest words whose rows together fit the budget, in their original order; the rarest word is
 * always kept, whatever its rows, so that a query of common words still finds something.
 */
export function rarestWithin(counted: { word: string; rows: number }[], budget: number): string[] {
  const byRows = [...counted].sort((a, b) => a.rows - b.rows);
  const kept = new Set<string>();
  let total = 0;
  for (const { word, rows } of byRows) {
    if (kept.size > 0 && total + rows > budget) break;
    kept.add(word);
    total += rows;
  }
  return counted.filter((c) => kept.has(c.word)).map((c) => c.word);
}

/**
 * How many passages hold each word, from the passage index's own vocabulary (fts5vocab). A word is
 * turned into index terms by an FTS5 table with the same tokenizer (stemming, diacritics), so that it
 * is counted exactly as the index stores it. Counts are kept in memory until the library gains
 * passages; counting a common word reads its whole list of rows, once.
 */
export class TermRows {
  private statements: {
    clearWords: SQLite.Statement;
    addWord: SQLite.Statement;
    wordTerms: SQLite.Statement;
    termRows: SQLite.Statement;
    lastPassage: SQLite.Statement;
  } | null = null;
  private cache = new Map<string, number>();
  private cachedAt: number | null = null;

  constructor(private readonly sqlite: SQLite.Database) {}

  /** The most rows any word of `words` could match: the fewest of its terms' (a word of two terms is a phrase). */
  rows(queryWords: string[]): number[] {
    const s = (this.statements ??= this.prepare());
    const last = (s.lastPassage.get() as { id: number | null }).id ?? 0;
    if (last !== this.cachedAt) {
      this.cache.clear();
      this.cachedAt = last;
    }
    s.clearWords.run();
    queryWords.forEach((word, i) => s.addWord.run(i + 1, word));
    const rows = queryWords.map(() => Infinity);
    for (const { term, doc } of s.wordTerms.all() as { term: string; doc: number }[]) {
      let count = this.cache.get(term);
      if (count === undefined) {
        count = (s.termRows.get(term) as { doc: number } | undefined)?.doc ?? 0;
        this.cache.set(term, count);
      }
      rows[doc - 1] = Math.min(rows[doc - 1]!, count);
    }
    return rows.map((r) => (Number.isFinite(r) ? r : 0));
  }

  private prepare() {
    // Temporary tables: this connection's alone, never in the database file. The tokenizer is the
    // passage index's (migration 001).
    this.sqlite.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_word_terms USING fts5vocab(temp, query_words, instance);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_terms USING fts5vocab(main, passages_fts, row);`);
    return {
      clearWords: this.sqlite.prepare("DELETE FROM temp.query_words"),
      addWord: this.sqlite.prepare("INSERT INTO temp.query_words (rowid, word) VALUES (?, ?)"),
      wordTerms: this.sqlite.prepare("SELECT DISTINCT term, doc FROM temp.query_word_terms"),
      termRows: this.sqlite.prepare("SELECT doc FROM temp.passage_terms WHERE term = ?"),
      lastPassage: this.sqlite.prepare("SELECT max(id) AS id FROM passages"),
    };
  }
}
