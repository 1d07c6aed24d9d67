// Libraries for the benchmarks, made of real dataset sentences: documents of 4 to 24 sentences drawn
// with a fixed seed from a pool of titles and sentences (SciFact abstracts, and Climate-FEVER's
// evidence where asked), written as JSON Lines under the temp folder, never committed. The same seed
// and pool give the same library, so a benchmark run again, or by another commit's code, reads the
// same documents.
import { createReadStream, type WriteStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { chunkPassages } from "../src/store/library.js";
import { seededRandom } from "./quality/metrics.js";

export const SEED = 18;

/** One line of a library file, as `verity ingest` reads it. */
export interface LibraryDocument {
  id: string;
  title: string;
  sentences: string[];
}

/** One line of SciFact's corpus. */
export interface SciFactDocument {
  doc_id: number;
  title: string;
  abstract: string[];
}

/** Titles and sentences that generated documents are drawn from. */
export interface SentencePool {
  titles: string[];
  sentences: string[];
}

export async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  for await (const line of createInterface({ input: createReadStream(file) })) if (line.trim()) yield JSON.parse(line) as T;
}

export function sciFactCorpus(datasets: string): AsyncGenerator<SciFactDocument> {
  return jsonLines<SciFactDocument>(path.join(datasets, "scifact/corpus.jsonl"));
}

/** SciFact's titles and abstract sentences, then (with `climateFever`) Climate-FEVER's articles and evidence sentences. */
export async function sentencePool(datasets: string, { climateFever = false } = {}): Promise<SentencePool> {
  const pool: SentencePool = { titles: [], sentences: [] };
  for await (const d of sciFactCorpus(datasets)) {
    pool.titles.push(d.title);
    pool.sentences.push(...d.abstract);
  }
  if (climateFever) {
    const file = path.join(datasets, "climate-fever/climate-fever.jsonl");
    for await (const c of jsonLines<{ evidences: { article: string; evidence: string }[] }>(file)) {
      for (const e of c.evidences) {
        pool.titles.push(e.article);
        pool.sentences.push(e.evidence);
      }
    }
  }
  return pool;
}

interface RecombineOptions {
  /** Ids are the prefix and a count from 0. */
  prefix: string;
  /**
   * Whether a document's length is drawn before its title. The ingest benchmark draws the length first, the
   * library-scale benchmark the title first: each keeps its order, so that its libraries (and the figures
   * committed from them) stay what they were.
   */
  lengthFirst: boolean;
  seed?: number;
}

/** Documents of 4 to 24 sentences of the pool under a title of the pool, drawn with the seed, without end. */
export function* recombined(pool: SentencePool, { prefix, lengthFirst, seed = SEED }: RecombineOptions): Generator<LibraryDocument> {
  const next = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const length = () => 4 + Math.floor(next() * 21);
  for (let i = 0; ; i++) {
    const count = lengthFirst ? length() : undefined;
    const title = pick(pool.titles);
    const sentences = Array.from({ length: count ?? length() }, () => pick(pool.sentences));
    yield { id: `${prefix}${i}`, title, sentences };
  }
}

/** How many passages the library cuts a document into. */
export function passagesIn(doc: LibraryDocument): number {
  return chunkPassages(doc.sentences.join(" ")).length;
}

/** Writes documents as JSON Lines until they hold `passages` passages (Infinity: all of them); says what it wrote. */
export async function writeLibrary(
  docs: Iterable<LibraryDocument> | AsyncIterable<LibraryDocument>,
  passages: number,
  write: (line: string) => Promise<void>,
): Promise<{ documents: number; passages: number }> {
  const made = { documents: 0, passages: 0 };
  for await (const doc of docs) {
    if (made.passages >= passages) break;
    made.passages += passagesIn(doc);
    made.documents++;
    await write(JSON.stringify(doc) + "\n");
  }
  return made;
}

/** Writes to a stream, waiting while its buffer is full. */
export async function writeTo(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}

export function closeStream(out: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
