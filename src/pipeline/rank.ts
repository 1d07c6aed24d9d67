// Stage 5, rank: split documents into sentences, score each against each claim and keep
// the best, diverse set. Every kept passage is an exact slice of its document's text.
// Documents are ordered by the local re-ranker (a small model trained on SciFact train).
import type { Claim } from "../domain/report.js";
import { contentTerms, splitSentences, type Span } from "../domain/text.js";
import { rerankFeatures } from "../engines/local/rerank-features.js";
import { predict } from "../engines/local/models/logistic.js";
import { RERANK_MODEL } from "../engines/local/models/index.js";
import { coverage, idfWeights, type TermWeights } from "../engines/local/relevance.js";
import type { Evidence, RankResult, ReadDocument } from "./types.js";

export interface RankOptions {
  perClaim?: number;
  perDocument?: number;
  minRelevance?: number;
}

/** Long documents are ranked on their first sentences only: bounded work per check. */
const MAX_SENTENCES_PER_DOCUMENT = 2_000;
const MAX_SENTENCE_CHARS = 1_200;

interface Candidate {
  documentIndex: number;
  sentenceIndex: number;
  span: Span;
  terms: string[];
}

/** Sentences of every document, their terms, and term rarity over all of them. */
export interface Prepared {
  sentencesByDoc: Span[][];
  candidates: Candidate[];
  weights: TermWeights;
}

export function prepare(documents: ReadDocument[]): Prepared {
  const sentencesByDoc = documents.map((d) =>
    splitSentences(d.text)
      .slice(0, MAX_SENTENCES_PER_DOCUMENT)
      .filter((s) => s.text.length <= MAX_SENTENCE_CHARS && /\p{L}/u.test(s.text)),
  );
  const candidates: Candidate[] = sentencesByDoc.flatMap((sentences, documentIndex) =>
    sentences.map((span, sentenceIndex) => ({ documentIndex, sentenceIndex, span, terms: contentTerms(span.text) })),
  );
  return { sentencesByDoc, candidates, weights: idfWeights(candidates.map((c) => c.terms)) };
}

export function rank(claims: Claim[], documents: ReadDocument[], options: RankOptions = {}): RankResult {
  const perClaim = options.perClaim ?? 12;
  const perDocument = options.perDocument ?? 3;
  const minRelevance = options.minRelevance ?? 0.2;
  const prepared = prepare(documents);
  const { sentencesByDoc, candidates, weights } = prepared;

  const documentScores = documentFeatures(claims, documents, prepared).map((features, documentIndex) => ({
    documentIndex,
    score: Math.round(predict(RERANK_MODEL, features).relevant! * 1000) / 1000,
  }));
  const documentRelevance = documentScores.map((d) => d.score);
  documentScores.sort((a, b) => b.score - a.score || a.documentIndex - b.documentIndex);

  const evidence: Evidence[] = [];
  for (const claim of claims) {
    const claimTerms = contentTerms(claim.text);
    const scored = candidates
      .map((c) => ({ c, relevance: coverage(claimTerms, c.terms, weights) }))
      .filter((s) => s.relevance >= minRelevance)
      // Ties go to the document the search ranked higher, then to earlier sentences.
      .sort((a, b) => b.relevance - a.relevance || a.c.documentIndex - b.c.documentIndex || a.c.sentenceIndex - b.c.sentenceIndex);

    const keptPerDoc = new Map<number, number>();
    const keptTerms: Set<string>[] = [];
    for (const { c, relevance } of scored) {
      if (keptTerms.length >= perClaim) break;
      if ((keptPerDoc.get(c.documentIndex) ?? 0) >= perDocument) continue;
      const terms = new Set(c.terms);
      if (keptTerms.some((k) => jaccard(k, terms) > 0.8)) continue; // the same finding, reworded or repeated
      keptPerDoc.set(c.documentIndex, (keptPerDoc.get(c.documentIndex) ?? 0) + 1);
      keptTerms.push(terms);
      const sentences = sentencesByDoc[c.documentIndex]!;
      const before = sentences[c.sentenceIndex - 1]?.text ?? "";
      const after = sentences[c.sentenceIndex + 1]?.text ?? "";
      evidence.push({
        id: `${claim.id}:d${c.documentIndex}s${c.sentenceIndex}`,
        claimId: claim.id,
        documentIndex: c.documentIndex,
        quote: c.span.text,
        context: [before, c.span.text, after].filter(Boolean).join(" "),
        relevance: Math.round(relevance * 1000) / 1000,
        documentRelevance: documentRelevance[c.documentIndex]!,
      });
    }
  }
  return { evidence, documents: documentScores };
}

/**
 * Re-ranking features of each document against the claims (the best claim counts):
 * the search's own score and rank, and how well its title, sentences and text cover the claim.
 */
export function documentFeatures(claims: Claim[], documents: ReadDocument[], prepared = prepare(documents)): number[][] {
  const maxSearch = Math.max(1e-9, ...documents.map((d) => d.searchScore));
  const searchRank = new Map(
    documents.map((d, i) => [i, d]).sort((a, b) => (b[1] as ReadDocument).searchScore - (a[1] as ReadDocument).searchScore).map(([i], r) => [i as number, r]),
  );
  const claimTerms = claims.map((c) => contentTerms(c.text));
  return documents.map((d, documentIndex) => {
    const sentences = prepared.candidates.filter((c) => c.documentIndex === documentIndex);
    const perClaim = claimTerms.map((terms) =>
      rerankFeatures({
        claimTerms: terms,
        weights: prepared.weights,
        title: d.title,
        text: d.text.slice(0, 20_000),
        searchScoreRatio: d.searchScore / maxSearch,
        searchRank: searchRank.get(documentIndex) ?? documents.length,
        sentenceCoverages: sentences.map((s) => coverage(terms, s.terms, prepared.weights)),
      }),
    );
    return perClaim.reduce((best, f) => (f[3]! + f[2]! > best[3]! + best[2]! ? f : best));
  });
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}
