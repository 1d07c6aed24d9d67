// `DATABASE_URL=postgres://… npm run bench:postgres-search [-- --data-dir DIR]`
// The library's full-text search alone, SQLite (FTS5, bm25) beside PostgreSQL (tsvector, ts_rank_cd), on
// SciFact: the 5,183-abstract corpus ingested into both through the normal ingest path, then every dev
// claim searched in both, one after the other. Prints nDCG@10 of the whole-document search and of the
// passage search (documents in the order of their best passage), each with its 95% bootstrap interval and
// the paired interval of the difference, and the two stores' query times as a ratio measured side by side.
// (`npm run bench:quality` with DATABASE_URL measures the whole check on PostgreSQL.)
// With `--passages N` the library is filled up to about N passages with documents recombined from real
// sentences (bench/library-generator.ts, fixed seed), so that query time can be read at 50k or 250k passages
// with the SciFact abstracts among look-alikes.
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openStore, type Store } from "../src/store/db.js";
import { LibraryRepository } from "../src/store/library.js";
import { ingestPaths } from "../src/sources/library/ingest.js";
import { bootstrapInterval, mean, ndcgAt, round3 } from "./quality/metrics.js";
import { libraryDatabase } from "./quality/database.js";
import { closeStream, passagesIn, recombined, sentencePool, writeLibrary, writeTo } from "./library-generator.js";

const { values } = parseArgs({
  options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") }, passages: { type: "string" } },
});
if (!process.env.DATABASE_URL) {
  console.error("set DATABASE_URL=postgres://… to a server where this benchmark may create a database");
  process.exit(2);
}

const dir = path.join(values["data-dir"]!, "scifact");
const lines = async (file: string) =>
  (await readFile(path.join(dir, file), "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const corpus: { doc_id: number; title: string; abstract: string[] }[] = await lines("corpus.jsonl");
const claims: { claim: string; cited_doc_ids: number[] }[] = await lines("claims_dev.jsonl");

const work = await mkdtemp(path.join(os.tmpdir(), "verity-pg-search-"));
const file = path.join(work, "scifact.jsonl");
const sciFact = corpus.map((d) => ({ id: `sf-${d.doc_id}`, title: d.title, sentences: d.abstract }));
await writeFile(file, sciFact.map((d) => JSON.stringify(d) + "\n").join(""));
let libraryPassages = sciFact.reduce((n, d) => n + passagesIn(d), 0);
let generated = 0;
if (values.passages) {
  const out = createWriteStream(file, { flags: "a" });
  const pool = await sentencePool(values["data-dir"]!, { climateFever: true });
  const made = await writeLibrary(
    recombined(pool, { prefix: "gen-", lengthFirst: false }),
    Number(values.passages) - libraryPassages,
    (line) => writeTo(out, line),
  );
  await closeStream(out);
  libraryPassages += made.passages;
  generated = made.documents;
}
const database = await libraryDatabase("search");

interface Backend {
  name: string;
  store: Store;
  library: LibraryRepository;
  ingestMs: number;
  documents: number[];
  passages: number[];
  queryMs: number[];
}

async function open(name: string, databaseUrl: string | null): Promise<Backend> {
  const store = await openStore({ dataDir: path.join(work, name), databaseUrl });
  const library = new LibraryRepository(store);
  const started = performance.now();
  const summary = await ingestPaths([file], library);
  if (summary.failed.length > 0) throw new Error(`${name}: ${summary.failed.length} documents failed to ingest`);
  return { name, store, library, ingestMs: performance.now() - started, documents: [], passages: [], queryMs: [] };
}

/** The library key of an ingested SciFact abstract. */
const keyOf = (docId: number) => `jsonl:sf-${docId}`;

const backends = [await open("SQLite", null), await open("PostgreSQL", database.url)];
try {
  for (const [i, c] of claims.entries()) {
    const cited = new Set(c.cited_doc_ids.map(keyOf));
    // Alternating which store goes first, so that neither always meets a warmer cache.
    for (const b of i % 2 === 0 ? backends : [...backends].reverse()) {
      const started = performance.now();
      const documents = await b.library.searchDocuments(c.claim, 10);
      const passages = await b.library.searchPassages(c.claim, 50);
      b.queryMs.push(performance.now() - started);
      const idsToKeys = new Map(
        (await b.library.getDocuments([...new Set([...documents.map((d) => d.documentId), ...passages.map((p) => p.documentId)])])).map(
          (d) => [d.id, d.key],
        ),
      );
      b.documents.push(
        ndcgAt(
          documents.map((d) => idsToKeys.get(d.documentId)!),
          cited,
          10,
        ),
      );
      b.passages.push(ndcgAt([...new Set(passages.map((p) => idsToKeys.get(p.documentId)!))], cited, 10));
    }
  }
  const [sqlite, postgres] = backends as [Backend, Backend];
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const row = (label: string, a: number[], b: number[]) => {
    const pairs = a.map((x, i) => [x, b[i]!] as const);
    const diff = bootstrapInterval(pairs, (s) => mean(s.map(([x, y]) => y - x)));
    return `| ${label} | ${round3(mean(a))} (${bootstrapInterval(a, mean).join(" – ")}) | ${round3(mean(b))} (${bootstrapInterval(b, mean).join(" – ")}) | ${round3(mean(b) - mean(a))} (${diff.join(" – ")}) |`;
  };
  const library =
    generated > 0
      ? `${corpus.length} abstracts and ${generated} generated documents, ${libraryPassages} passages`
      : `${corpus.length} abstracts`;
  console.log(`SciFact dev, ${claims.length} claims, ${library}; ${new Date().toISOString()}; load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}\n`);
  console.log("| search | SQLite (95% interval) | PostgreSQL (95% interval) | PostgreSQL − SQLite (paired 95% interval) |");
  console.log("|---|---|---|---|");
  console.log(row("documents (title + text), nDCG@10", sqlite.documents, postgres.documents));
  console.log(row("passages → their documents, nDCG@10", sqlite.passages, postgres.passages));
  console.log(
    `\nquery time (both searches) median: SQLite ${median(sqlite.queryMs).toFixed(1)} ms, PostgreSQL ${median(postgres.queryMs).toFixed(1)} ms ` +
      `(PostgreSQL / SQLite ${(median(postgres.queryMs) / median(sqlite.queryMs)).toFixed(2)}); ingest: SQLite ${(sqlite.ingestMs / 1000).toFixed(1)} s, ` +
      `PostgreSQL ${(postgres.ingestMs / 1000).toFixed(1)} s`,
  );
} finally {
  for (const b of backends) await b.store.close();
  await database.drop();
  await rm(work, { recursive: true, force: true });
}
