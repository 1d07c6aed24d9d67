// Stage 5, rank: split documents into sentences, score each against each claim and keep
// the best, diverse set. Every kept passage is an exact slice of its document's text.
import type { Claim } from "../domain/report.js";
import { contentTerms, splitSentences, type Span } from "../domain/text.js";
import { coverage, idfWeights } from "../engines/local/relevance.js";
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

export function rank(claims: Claim[], documents: ReadDocument[], options: RankOptions = {}): RankResult {
  const perClaim = options.perClaim ?? 12;
  const perDocument = options.perDocument ?? 3;
  const minRelevance = options.minRelevance ?? 0.2;

  const sentencesByDoc = documents.map((d) =>
    splitSentences(d.text)
      .slice(0, MAX_SENTENCES_PER_DOCUMENT)
      .filter((s) => s.text.length <= MAX_SENTENCE_CHARS && /\p{L}/u.test(s.text)),
  );
  const candidates: Candidate[] = sentencesByDoc.flatMap((sentences, documentIndex) =>
    sentences.map((span, sentenceIndex) => ({ documentIndex, sentenceIndex, span, terms: contentTerms(span.text) })),
  );
  const weights = idfWeights(candidates.map((c) => c.terms));

  const evidence: Evidence[] = [];
  const bestByDoc = new Map<number, number[]>();
  for (const claim of claims) {
    const claimTerms = contentTerms(claim.text);
    const all = candidates.map((c) => ({ c, relevance: coverage(claimTerms, c.terms, weights) }));
    for (const { c, relevance } of all) {
      const list = bestByDoc.get(c.documentIndex) ?? [];
      list.push(relevance);
      bestByDoc.set(c.documentIndex, list);
    }
    const scored = all
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
      });
    }
  }
  return { evidence, documents: rankDocuments(documents, bestByDoc) };
}

/**
 * A document's score: its best two sentences' coverage of the claim, and the search
 * engine's own score relative to the best hit.
 */
function rankDocuments(documents: ReadDocument[], bestByDoc: Map<number, number[]>): RankResult["documents"] {
  const maxSearch = Math.max(1e-9, ...documents.map((d) => d.searchScore));
  return documents
    .map((d, documentIndex) => {
      const best = (bestByDoc.get(documentIndex) ?? []).sort((a, b) => b - a);
      const score = 0.5 * (best[0] ?? 0) + 0.2 * (best[1] ?? 0) + 0.3 * (d.searchScore / maxSearch);
      return { documentIndex, score: Math.round(score * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score || a.documentIndex - b.documentIndex);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}
