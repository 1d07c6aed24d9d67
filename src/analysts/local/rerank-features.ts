// Features of each document of a check's candidate pool against one claim, for the re-ranker.
// Shared by inference and by the training script, so the two never drift. Most features are
// relative to the pool (term rarity, BM25 and lengths over the pool's documents; similarity to
// the pool's best documents): what matters is how a document compares with its rivals.
import { contentTerms, words } from "../../domain/text.js";
import { coverage, type TermWeights } from "./relevance.js";

export const LEXICAL_RERANK_FEATURES = [
  "search_score_ratio",
  "search_rank_reciprocal",
  "title_coverage",
  "best_sentence",
  "second_sentence",
  "document_coverage",
  "opening_coverage",
  "rare_terms",
  "rare_terms_in_title",
  "numbers_matched",
  "log_length",
  "window_density",
  "bm25",
  "bm25_title",
  "bm25_text",
  "title_bigrams",
  "document_bigrams",
  "prefix_coverage",
  "bm25_ratio",
  "bm25_title_ratio",
  "bm25_text_ratio",
  "claim_cosine",
  "acronyms",
  "search_neighbours_max",
  "search_neighbours_mean",
  "search_neighbours_weighted",
  "claim_neighbours_max",
  "claim_neighbours_mean",
  "claim_neighbours_weighted",
] as const;

/** What the sentence encoder adds: how near in meaning the title and the document's closest passages are to the claim. */
export const SIMILARITY_RERANK_FEATURES = [
  "title_similarity",
  "best_passage_similarity",
  "second_passage_similarity",
  "best_similarity_vs_pool",
  "best_similarity_rank_reciprocal",
] as const;

export const RERANK_FEATURES = [...LEXICAL_RERANK_FEATURES, ...SIMILARITY_RERANK_FEATURES] as const;

interface PoolDocument {
  title: string;
  text: string;
  /** Content terms of each of the document's sentences. */
  sentences: string[][];
  searchScore: number;
}

/** How many of the pool's best documents a document is compared with. */
const NEIGHBOURS = 5;

interface Terms {
  title: string[];
  text: string[];
  all: string[];
  allSet: Set<string>;
  vector: Map<string, number>;
}

/** One feature row per document, in RERANK_FEATURES order; `weights` is the term rarity over the pool's sentences. */
export function rerankFeatures(claim: string, docs: PoolDocument[], weights: TermWeights): number[][] {
  const claimSequence = contentTerms(claim);
  const claimTerms = [...new Set(claimSequence)];
  const n = docs.length;
  const terms = docs.map((d) => {
    const title = contentTerms(d.title);
    const text = d.sentences.flat();
    const all = [...title, ...text];
    return { title, text, all, allSet: new Set(all) };
  });
  const df = new Map<string, number>();
  for (const t of terms) for (const term of t.allSet) df.set(term, (df.get(term) ?? 0) + 1);
  const poolIdf = (term: string) => {
    const k = df.get(term) ?? 0;
    return Math.log(1 + (n - k + 0.5) / (k + 0.5));
  };
  const pool: Terms[] = terms.map((t) => ({ ...t, vector: tfidfVector(t.all, poolIdf) }));
  const average = (f: (t: Terms) => number) => pool.reduce((s, t) => s + f(t), 0) / Math.max(1, n);
  const avgAll = average((t) => t.all.length),
    avgTitle = average((t) => t.title.length),
    avgText = average((t) => t.text.length);
  const bm25 = (docTerms: string[], avgLength: number) => bm25Score(claimTerms, docTerms, avgLength, poolIdf);
  const cover = (docTerms: Iterable<string>) => coverage(claimTerms, docTerms, weights);
  const rare = [...claimTerms].sort((a, b) => weights.weight(b) - weights.weight(a)).slice(0, 3);
  const numbers = claimTerms.filter((t) => /\d/.test(t));
  const claimBigrams = bigrams(claimSequence);
  const bigramShare = (docTerms: string[]) => {
    const have = bigrams(docTerms);
    return claimBigrams.size === 0 ? 0 : [...claimBigrams].filter((b) => have.has(b)).length / claimBigrams.size;
  };
  const claimWeight = claimTerms.reduce((s, t) => s + weights.weight(t), 0) || 1;
  const acronyms = claimAcronyms(claim);
  const claimVector = tfidfVector(claimTerms, poolIdf);
  const maxSearch = Math.max(1e-9, ...docs.map((d) => d.searchScore));
  const bySearch = rankOrder(docs.map((d) => d.searchScore));

  const rows = docs.map((d, i) => {
    const t = pool[i]!;
    const sentenceCoverages = d.sentences.map((s) => cover(s)).sort((a, b) => b - a);
    const prefixes = new Set(t.all.filter((w) => w.length >= 5).map((w) => w.slice(0, 5)));
    const initials = words(`${d.title} ${d.text}`)
      .map((w) => w[0])
      .join("");
    return [
      d.searchScore / maxSearch,
      1 / (1 + bySearch[i]!),
      cover(t.title),
      sentenceCoverages[0] ?? 0,
      sentenceCoverages[1] ?? 0,
      cover(t.allSet),
      cover([...t.title, ...(d.sentences[0] ?? []), ...(d.sentences[1] ?? [])]),
      rare.length === 0 ? 0 : rare.filter((r) => t.allSet.has(r)).length / rare.length,
      rare.length === 0 ? 0 : rare.filter((r) => t.title.includes(r)).length / rare.length,
      numbers.length === 0 ? 0.5 : numbers.filter((x) => t.allSet.has(x)).length / numbers.length,
      Math.log(1 + t.all.length),
      windowDensity(
        claimTerms.filter((c) => t.allSet.has(c)),
        t.all,
      ),
      bm25(t.all, avgAll),
      bm25(t.title, avgTitle),
      bm25(t.text, avgText),
      bigramShare(t.title),
      bigramShare(t.all),
      // Claim terms missing as such but present in another form ("neuralation" / "neurulation").
      claimTerms.reduce((s, c) => s + (!t.allSet.has(c) && c.length >= 5 && prefixes.has(c.slice(0, 5)) ? weights.weight(c) : 0), 0) /
        claimWeight,
      0,
      0,
      0, // the three BM25 scores as shares of the pool's highest, filled below
      cosine(claimVector, t.vector),
      acronyms.length === 0 ? 0 : acronyms.filter((a) => initials.includes(a)).length / acronyms.length,
    ];
  });
  for (const [column, from] of [
    [18, 12],
    [19, 13],
    [20, 14],
  ] as const) {
    const max = Math.max(1e-9, ...rows.map((r) => r[from]!));
    for (const r of rows) r[column] = r[from]! / max;
  }
  // Documents like the pool's best are likelier relevant: a claim's evidence comes in clusters.
  const similarity = pool.map((a, i) => pool.map((b, j) => (i === j ? 0 : cosine(a.vector, b.vector))));
  const claimCosines = rows.map((r) => r[21]!);
  for (const [i, row] of rows.entries()) {
    row.push(
      ...neighbourFeatures(
        i,
        similarity,
        docs.map((d) => d.searchScore / maxSearch),
      ),
    );
    row.push(...neighbourFeatures(i, similarity, claimCosines));
  }
  return rows;
}

/**
 * One row per document, in SIMILARITY_RERANK_FEATURES order, from the cosines of the claim with each
 * title and with each document's passages that the encoder read.
 */
export function similarityFeatures(titles: number[], passages: number[][]): number[][] {
  const best = passages.map((sims) => Math.max(0, ...sims));
  const poolBest = Math.max(0, ...best);
  const ranks = rankOrder(best);
  return titles.map((title, i) => {
    const sorted = [...passages[i]!].sort((a, b) => b - a);
    return [title, best[i]!, sorted[1] ?? 0, best[i]! - poolBest, 1 / (1 + ranks[i]!)];
  });
}

/** Similarity of document i to the pool's best documents by `score`: max, mean, and the score-weighted mean over all. */
function neighbourFeatures(i: number, similarity: number[][], score: number[]): number[] {
  const best = rankOrder(score)
    .map((r, j) => [r, j] as const)
    .filter(([r, j]) => r < NEIGHBOURS && j !== i)
    .map(([, j]) => similarity[i]![j]!);
  const weighted = score.reduce((s, x, j) => s + similarity[i]![j]! * x, 0) / Math.max(1, score.length - 1);
  return [Math.max(0, ...best), best.length === 0 ? 0 : best.reduce((a, b) => a + b, 0) / best.length, weighted];
}

/** The rank of each value, best first; ties keep their order. */
function rankOrder(values: number[]): number[] {
  const ranks = new Array<number>(values.length);
  values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .forEach(([, i], r) => (ranks[i] = r));
  return ranks;
}

function bm25Score(claimTerms: string[], docTerms: string[], avgLength: number, idf: (t: string) => number, k1 = 1.2, b = 0.75): number {
  const tf = new Map<string, number>();
  for (const t of docTerms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const norm = k1 * (1 - b + (b * docTerms.length) / Math.max(avgLength, 1e-9));
  return claimTerms.reduce((s, t) => {
    const f = tf.get(t) ?? 0;
    return f === 0 ? s : s + (idf(t) * f * (k1 + 1)) / (f + norm);
  }, 0);
}

/** Unit-length tf-idf vector (log term frequency). */
function tfidfVector(terms: string[], idf: (t: string) => number): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, c] of v) {
    const x = (1 + Math.log(c)) * idf(t);
    v.set(t, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, x] of v) v.set(t, x / norm);
  return v;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, x] of small) s += x * (large.get(t) ?? 0);
  return s;
}

/** Matched claim terms per token of the shortest stretch of the document that holds them all. */
function windowDensity(matched: string[], tokens: string[]): number {
  if (matched.length === 0) return 0;
  const need = new Set(matched);
  const count = new Map<string, number>();
  let have = 0,
    lo = 0,
    shortest = tokens.length;
  for (let hi = 0; hi < tokens.length; hi++) {
    const t = tokens[hi]!;
    if (need.has(t) && count.set(t, (count.get(t) ?? 0) + 1).get(t) === 1) have++;
    for (; have === need.size && lo <= hi; lo++) {
      shortest = Math.min(shortest, hi - lo + 1);
      const u = tokens[lo]!;
      if (need.has(u) && count.set(u, count.get(u)! - 1).get(u) === 0) have--;
    }
  }
  return matched.length / Math.max(1, shortest);
}

/** Capitalised abbreviations of the claim ("UCB", "TPMT"), lower-cased, to be found as initials of consecutive words. */
function claimAcronyms(claim: string): string[] {
  return (claim.match(/\b[A-Z][A-Za-z0-9]{1,5}\b/g) ?? [])
    .filter((w) => /^[A-Z0-9]+s?$/.test(w) && /[A-Z].*[A-Z]/.test(w))
    .map((w) => w.replace(/s$/, "").toLowerCase());
}

function bigrams(terms: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]}`);
  return out;
}
