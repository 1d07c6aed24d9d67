// Features of a (claim, document) pair for the re-ranker, shared by inference and by the
// training script, so the two never drift.
import { contentTerms } from "../../domain/text.js";
import { coverage, type TermWeights } from "./relevance.js";

function bigrams(terms: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]}`);
  return out;
}

export const RERANK_FEATURES = [
  "search_score_ratio", "search_rank_reciprocal", "title_coverage", "best_sentence", "second_sentence",
  "document_coverage", "title_bigrams", "document_bigrams",
] as const;

export interface RerankInput {
  claimTerms: string[];
  weights: TermWeights;
  title: string;
  text: string;
  searchScoreRatio: number;
  searchRank: number;
  sentenceCoverages: number[];
}

export function rerankFeatures(input: RerankInput): number[] {
  const titleTerms = contentTerms(input.title);
  const docTerms = contentTerms(input.text);
  const best = [...input.sentenceCoverages].sort((a, b) => b - a);
  const claimBigrams = bigrams(input.claimTerms);
  const share = (set: Set<string>) => (claimBigrams.size === 0 ? 0 : [...claimBigrams].filter((b) => set.has(b)).length / claimBigrams.size);
  return [
    input.searchScoreRatio,
    1 / (1 + input.searchRank),
    coverage(input.claimTerms, titleTerms, input.weights),
    best[0] ?? 0,
    best[1] ?? 0,
    coverage(input.claimTerms, [...titleTerms, ...docTerms], input.weights),
    share(bigrams(titleTerms)),
    share(bigrams(docTerms)),
  ];
}
