// The local analyst's ranking: split documents into sentences, score each against each claim and
// keep the best, diverse set. Every kept passage is an exact slice of its document's text.
// Documents are ordered by the local re-ranker (boosted trees trained on SciFact train); passages
// by the rationale model (how likely a sentence states the finding a claim is about).
import type { Claim } from "../../domain/report.js";
import { contentTerms, splitSentences, words, type Span } from "../../domain/text.js";
import { rerankFeatures } from "./rerank-features.js";
import { rationaleFeatures, type SentenceInDocument } from "./rationale-features.js";
import { RATIONALE_MODEL, RERANK_MODEL } from "./models/index.js";
import { predict } from "./models/logistic.js";
import { relevanceOf } from "./models/trees.js";
import { coverage, idfWeights, type TermWeights } from "./relevance.js";
import type { Evidence, RankResult, ReadDocument } from "../../domain/analysis.js";

/**
 * A sentence that covers less of the claim than this is not a candidate passage: below it a sentence
 * is only a coincidence of words (SciFact train: 18% of rationale sentences cover less than 0.1,
 * 38% less than 0.2).
 */
export const MIN_PASSAGE_COVERAGE = 0.1;

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
  /** Its words, and its stemmed content terms. */
  tokens: string[];
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
    sentences.map((span, sentenceIndex) => ({
      documentIndex,
      sentenceIndex,
      span,
      tokens: words(span.text),
      terms: contentTerms(span.text),
    })),
  );
  return { sentencesByDoc, candidates, weights: idfWeights(candidates.map((c) => c.terms)) };
}

export function rankPassages(claims: Claim[], documents: ReadDocument[], options: RankOptions = {}): RankResult {
  const perClaim = options.perClaim ?? 12;
  const perDocument = options.perDocument ?? 3;
  const minRelevance = options.minRelevance ?? MIN_PASSAGE_COVERAGE;
  const prepared = prepare(documents);
  const { sentencesByDoc } = prepared;

  // The best claim counts: a document that answers any claim of the text is worth reading.
  const claimScores = documentFeatures(claims, documents, prepared).map((rows) => rows.map((x) => relevanceOf(RERANK_MODEL, x)));
  const documentRelevance = documents.map((_, i) => (claimScores.length === 0 ? 0 : Math.max(...claimScores.map((scores) => scores[i]!))));
  const documentScores = documentRelevance
    .map((score, documentIndex) => ({ documentIndex, score }))
    .sort((a, b) => b.score - a.score || a.documentIndex - b.documentIndex)
    .map((d) => ({ ...d, score: round3(d.score) }));

  const evidence: Evidence[] = [];
  for (const claim of claims) {
    const scored = sentencesFor(claim, prepared, documentRelevance)
      .filter((s) => s.sentence.coverage >= minRelevance)
      .map((s) => ({ ...s, bearing: bearingOf(s.claimTerms, s.sentence) }))
      // Ties go to the document the search ranked higher, then to earlier sentences.
      .sort((a, b) => b.bearing - a.bearing || a.c.documentIndex - b.c.documentIndex || a.c.sentenceIndex - b.c.sentenceIndex);

    const keptPerDoc = new Map<number, number>();
    const keptTerms: Set<string>[] = [];
    for (const { c, sentence, bearing } of scored) {
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
        relevance: round3(sentence.coverage),
        bearing: round3(bearing),
        documentRelevance: round3(documentRelevance[c.documentIndex]!),
      });
    }
  }
  return { evidence, documents: documentScores };
}

/** Every candidate sentence as a possible rationale for the claim, placed within its document. */
export function sentencesFor(claim: Claim, prepared: Prepared, documentRelevance: number[]) {
  const claimTerms = contentTerms(claim.text);
  const coverages = prepared.candidates.map((c) => coverage(claimTerms, c.terms, prepared.weights));
  const byDocument = new Map<number, number[]>();
  prepared.candidates.forEach((c, i) => {
    const members = byDocument.get(c.documentIndex);
    if (members) members.push(i);
    else byDocument.set(c.documentIndex, [i]);
  });
  const rankInDocument = new Array<number>(coverages.length).fill(0);
  const documentBest = new Array<number>(coverages.length).fill(0);
  for (const members of byDocument.values()) {
    const order = [...members].sort((a, b) => coverages[b]! - coverages[a]! || a - b);
    order.forEach((i, rank) => {
      rankInDocument[i] = rank;
      documentBest[i] = coverages[order[0]!]!;
    });
  }
  return prepared.candidates.map((c, i) => {
    const sentence: SentenceInDocument = {
      text: c.span.text,
      tokens: c.tokens,
      terms: c.terms,
      coverage: coverages[i]!,
      documentBest: documentBest[i]!,
      rankInDocument: rankInDocument[i]!,
      documentRelevance: documentRelevance[c.documentIndex] ?? 0,
    };
    return { c, claimTerms, sentence };
  });
}

/** 0..1: how likely the sentence is the one that states the finding the claim is about. */
function bearingOf(claimTerms: string[], sentence: SentenceInDocument): number {
  return predict(RATIONALE_MODEL, rationaleFeatures(claimTerms, sentence)).evidence ?? 0;
}

/** Re-ranking features of every document against each claim: one row per document, per claim. */
export function documentFeatures(claims: Claim[], documents: ReadDocument[], prepared = prepare(documents)): number[][][] {
  const sentences = documents.map((): string[][] => []);
  for (const c of prepared.candidates) sentences[c.documentIndex]!.push(c.terms);
  const pool = documents.map((d, i) => ({ title: d.title, text: d.text, sentences: sentences[i]!, searchScore: d.searchScore }));
  return claims.map((claim) => rerankFeatures(claim.text, pool, prepared.weights));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
