// The local analyst's ranking: split documents into passages, score each against each claim and
// keep the best, diverse set. Every kept passage is an exact slice of its document's text.
// Documents are ordered by the local re-ranker (boosted trees trained on SciFact train), passages by
// the rationale model (how likely a sentence states the finding a claim is about); both read what
// the sentence encoder makes of the claim, the titles and the passages most likely to matter.
// The relevance gate keeps out what is not about the claim: a passage whose meaning is too far
// from the claim's is never kept, whatever words it shares with it.
import type { Evidence, RankResult, ReadDocument } from "../../domain/analysis.js";
import { dot, type SentenceEncoder } from "../../domain/embedding.js";
import { passagesOf, type Passage } from "../../domain/passages.js";
import type { Claim } from "../../domain/report.js";
import { contentTerms, normalizeForMatch, words } from "../../domain/text.js";
import { RATIONALE_MODEL, RERANK_MODEL } from "./models/index.js";
import { predict } from "./models/logistic.js";
import { relevanceOf } from "./models/trees.js";
import { rationaleFeatures, statesAnAim, type SentenceInDocument } from "./rationale-features.js";
import { coverage, idfWeights, type TermWeights } from "./relevance.js";
import { rerankFeatures, similarityFeatures } from "./rerank-features.js";

/**
 * A sentence that covers less of the claim than this is not a candidate passage: below it a sentence
 * is only a coincidence of words (SciFact train: 18% of rationale sentences cover less than 0.1,
 * 38% less than 0.2).
 */
export const MIN_PASSAGE_COVERAGE = 0.1;
/**
 * The passages of each document the encoder reads: those that share most of a claim's terms. A check
 * over a library not embedded ahead embeds them all; 2, 3 and 6 give the same dev figures within one
 * claim (SciFact label F1 0.465 / 0.462 / 0.457, Check-COVID 0.442 / 0.453 / 0.453), and 3 halves
 * what such a check embeds against 6.
 */
export const READ_PER_DOCUMENT = 3;
/**
 * The relevance gate: a passage whose meaning is less like the claim's than this (cosine of their
 * sentence vectors) is not about the claim and is never kept. On SciFact dev the best gold passage of
 * 95% of claims scores 0.54 or more, and the best passage of 90% of off-topic questions 0.48 or less;
 * at 0.5, 3 of the 35 off-topic questions cite anything (7 at 0.45, 32 with no gate) and the dev
 * figures move by less than their noise (npm run bench:tune).
 */
export const MIN_SIMILARITY = 0.5;
/**
 * The gate's other half: a document the re-ranker finds almost surely not about the claim gives no
 * passage, however close one sentence's meaning comes ("Treatment with statins significantly reduced
 * the risk of all-cause mortality." is 0.54 from "Regular coffee drinking lowers the risk of type 2
 * diabetes.": the same shape of finding about something else).
 */
export const MIN_DOCUMENT_RELEVANCE = 0.1;

interface RankOptions {
  perClaim?: number;
  perDocument?: number;
  minRelevance?: number;
  minSimilarity?: number;
  minDocumentRelevance?: number;
}

interface Candidate {
  documentIndex: number;
  sentenceIndex: number;
  passage: Passage;
  /** Its words, and its stemmed content terms. */
  tokens: string[];
  terms: string[];
}

/** Passages of every document, their terms, term rarity over all of them, and how much of each claim each covers. */
interface Prepared {
  passagesByDoc: Passage[][];
  candidates: Candidate[];
  weights: TermWeights;
  /** Each claim's content terms. */
  claimTerms: string[][];
  /** By claim, then by candidate: the share of the claim's terms (weighted by rarity) the passage covers. */
  coverages: number[][];
}

export function prepare(claims: Claim[], documents: ReadDocument[]): Prepared {
  // A page's heading repeated in its text names its topic and states no finding, yet the stance
  // model reads one that restates the claim's words as agreeing ("Vaccines and autism" supported
  // "Vaccines cause autism."): it is not a passage.
  const passagesByDoc = documents.map((d) => {
    const title = normalizeForMatch(d.title);
    return passagesOf(d.text).filter((p) => normalizeForMatch(p.text) !== title);
  });
  const candidates: Candidate[] = passagesByDoc.flatMap((passages, documentIndex) =>
    passages.map((passage, sentenceIndex) => ({
      documentIndex,
      sentenceIndex,
      passage,
      tokens: words(passage.text),
      terms: contentTerms(passage.text),
    })),
  );
  const weights = idfWeights(candidates.map((c) => c.terms));
  const claimTerms = claims.map((c) => contentTerms(c.text));
  const coverages = claimTerms.map((terms) => candidates.map((c) => coverage(terms, c.terms, weights)));
  return { passagesByDoc, candidates, weights, claimTerms, coverages };
}

/** What the sentence encoder makes of a check's claims, its documents' titles and their likeliest passages. */
export interface Meaning {
  claims: Float32Array[];
  titles: Float32Array[];
  /** By candidate index; null for a passage the encoder was not asked to read. */
  passages: (Float32Array | null)[];
}

/**
 * Embeds the claims, the titles, and of each document the passages that cover most of some claim:
 * bounded work per check (at most READ_PER_DOCUMENT passages a document), and what a check reads
 * again is cached by the encoder.
 */
export async function readMeaning(
  claims: Claim[],
  documents: ReadDocument[],
  prepared: Prepared,
  encoder: SentenceEncoder,
): Promise<Meaning> {
  const best = prepared.candidates.map((_, i) => Math.max(0, ...prepared.coverages.map((byCandidate) => byCandidate[i]!)));
  const chosen: number[] = [];
  for (const members of byDocument(prepared)) {
    const order = members.filter((i) => best[i]! >= MIN_PASSAGE_COVERAGE).sort((a, b) => best[b]! - best[a]! || a - b);
    chosen.push(...order.slice(0, READ_PER_DOCUMENT));
  }
  chosen.sort((a, b) => a - b);
  const texts = [
    ...claims.map((c) => c.text),
    ...documents.map((d) => d.title),
    ...chosen.map((i) => prepared.candidates[i]!.passage.text),
  ];
  const vectors = await encoder.embed(texts);
  const passages = new Array<Float32Array | null>(prepared.candidates.length).fill(null);
  chosen.forEach((i, k) => (passages[i] = vectors[claims.length + documents.length + k]!));
  return { claims: vectors.slice(0, claims.length), titles: vectors.slice(claims.length, claims.length + documents.length), passages };
}

export async function rankPassages(
  claims: Claim[],
  documents: ReadDocument[],
  encoder: SentenceEncoder,
  options: RankOptions = {},
): Promise<RankResult> {
  const perClaim = options.perClaim ?? 12;
  const perDocument = options.perDocument ?? 3;
  const minRelevance = options.minRelevance ?? MIN_PASSAGE_COVERAGE;
  const minSimilarity = options.minSimilarity ?? MIN_SIMILARITY;
  const minDocumentRelevance = options.minDocumentRelevance ?? MIN_DOCUMENT_RELEVANCE;
  const prepared = prepare(claims, documents);
  const meaning = await readMeaning(claims, documents, prepared, encoder);
  const { passagesByDoc } = prepared;

  // The best claim counts: a document that answers any claim of the text is worth reading.
  const claimScores = documentFeatures(claims, documents, prepared, meaning).map((rows) => rows.map((x) => relevanceOf(RERANK_MODEL, x)));
  const documentRelevance = documents.map((_, i) => (claimScores.length === 0 ? 0 : Math.max(...claimScores.map((scores) => scores[i]!))));
  const documentScores = documentRelevance
    .map((score, documentIndex) => ({ documentIndex, score }))
    .sort((a, b) => b.score - a.score || a.documentIndex - b.documentIndex)
    .map((d) => ({ ...d, score: round3(d.score) }));

  const evidence: Evidence[] = [];
  claims.forEach((claim, k) => {
    const scored = sentencesFor(k, prepared, documentRelevance, meaning)
      .filter(
        (s) =>
          s.sentence.coverage >= minRelevance &&
          s.sentence.similarity !== null &&
          s.sentence.similarity >= minSimilarity &&
          documentRelevance[s.c.documentIndex]! >= minDocumentRelevance,
      )
      .map((s) => ({ ...s, bearing: bearingOf(s.claimTerms, s.sentence) }))
      // Ties go to the document the search ranked higher, then to earlier sentences.
      .sort((a, b) => b.bearing - a.bearing || a.c.documentIndex - b.c.documentIndex || a.c.sentenceIndex - b.c.sentenceIndex);

    const keptPerDoc = new Map<number, number>();
    const keptTerms: Set<string>[] = [];
    for (const { c, sentence, bearing } of scored) {
      if (keptTerms.length >= perClaim) break;
      if ((keptPerDoc.get(c.documentIndex) ?? 0) >= perDocument) continue;
      const terms = new Set(c.terms);
      if (keptTerms.some((kept) => jaccard(kept, terms) > 0.8)) continue; // the same finding, reworded or repeated
      keptPerDoc.set(c.documentIndex, (keptPerDoc.get(c.documentIndex) ?? 0) + 1);
      keptTerms.push(terms);
      const passages = passagesByDoc[c.documentIndex]!;
      const before = passages[c.sentenceIndex - 1]?.text ?? "";
      const after = passages[c.sentenceIndex + 1]?.text ?? "";
      evidence.push({
        id: `${claim.id}:d${c.documentIndex}s${c.sentenceIndex}`,
        claimId: claim.id,
        documentIndex: c.documentIndex,
        quote: c.passage.text,
        context: [before, c.passage.text, after].filter(Boolean).join(" "),
        relevance: round3(sentence.coverage),
        similarity: round3(sentence.similarity!),
        bearing: round3(bearing),
        documentRelevance: round3(documentRelevance[c.documentIndex]!),
        aimOrMethod: c.passage.section === "aim" || c.passage.section === "method" || statesAnAim(c.passage.text),
      });
    }
  });
  return { evidence, documents: documentScores };
}

/** Candidate indexes grouped by document, in order. */
function byDocument(prepared: Prepared): number[][] {
  const groups = prepared.passagesByDoc.map((): number[] => []);
  prepared.candidates.forEach((c, i) => groups[c.documentIndex]!.push(i));
  return groups;
}

/** Every candidate passage as a possible rationale for the k-th claim of the check, placed within its document. */
export function sentencesFor(k: number, prepared: Prepared, documentRelevance: number[], meaning: Meaning) {
  const claimTerms = prepared.claimTerms[k]!;
  const coverages = prepared.coverages[k]!;
  const claimVector = meaning.claims[k]!;
  const similarities = meaning.passages.map((v) => (v ? dot(claimVector, v) : null));
  const rankInDocument = new Array<number>(coverages.length).fill(0);
  const documentBest = new Array<number>(coverages.length).fill(0);
  const similarityRank = new Array<number>(coverages.length).fill(0);
  const similarityBest = new Array<number>(coverages.length).fill(0);
  for (const members of byDocument(prepared)) {
    const order = [...members].sort((a, b) => coverages[b]! - coverages[a]! || a - b);
    order.forEach((i, rank) => {
      rankInDocument[i] = rank;
      documentBest[i] = coverages[order[0]!]!;
    });
    const read = members.filter((i) => similarities[i] !== null).sort((a, b) => similarities[b]! - similarities[a]! || a - b);
    read.forEach((i, rank) => {
      similarityRank[i] = rank;
      similarityBest[i] = similarities[read[0]!]!;
    });
  }
  return prepared.candidates.map((c, i) => {
    const sentence: SentenceInDocument = {
      text: c.passage.text,
      tokens: c.tokens,
      terms: c.terms,
      coverage: coverages[i]!,
      documentBest: documentBest[i]!,
      rankInDocument: rankInDocument[i]!,
      documentRelevance: documentRelevance[c.documentIndex] ?? 0,
      similarity: similarities[i]!,
      similarityBest: similarityBest[i]!,
      similarityRank: similarityRank[i]!,
      section: c.passage.section,
    };
    return { c, claimTerms, sentence };
  });
}

/** 0..1: how likely the sentence is the one that states the finding the claim is about. */
function bearingOf(claimTerms: string[], sentence: SentenceInDocument): number {
  return predict(RATIONALE_MODEL, rationaleFeatures(claimTerms, sentence)).evidence ?? 0;
}

/** Re-ranking features of every document against each claim: one row per document, per claim. */
export function documentFeatures(claims: Claim[], documents: ReadDocument[], prepared: Prepared, meaning: Meaning): number[][][] {
  const sentences = documents.map((): string[][] => []);
  for (const c of prepared.candidates) sentences[c.documentIndex]!.push(c.terms);
  const pool = documents.map((d, i) => ({ title: d.title, text: d.text, sentences: sentences[i]!, searchScore: d.searchScore }));
  const groups = byDocument(prepared);
  return claims.map((claim, k) => {
    const lexical = rerankFeatures(claim.text, pool, prepared.weights);
    const similarity = similarityFeatures(
      meaning.titles.map((t) => dot(meaning.claims[k]!, t)),
      groups.map((members) => members.flatMap((i) => (meaning.passages[i] ? [dot(meaning.claims[k]!, meaning.passages[i]!)] : []))),
    );
    return lexical.map((row, i) => [...row, ...similarity[i]!]);
  });
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
