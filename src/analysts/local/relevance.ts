// Lexical relevance of a passage to a claim: the share of the claim's
// content terms (weighted by rarity) that the passage covers.
import { contentTerms } from "../../domain/text.js";

export interface TermWeights {
  weight(term: string): number;
}

/** Inverse document frequency over the candidate sentences of one check. */
export function idfWeights(sentences: string[][]): TermWeights {
  const df = new Map<string, number>();
  for (const terms of sentences) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(sentences.length, 1);
  return { weight: (t) => Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 0.5)) };
}

export function coverage(claimTerms: string[], passageTerms: Iterable<string>, weights: TermWeights): number {
  const unique = [...new Set(claimTerms)];
  if (unique.length === 0) return 0;
  const have = new Set(passageTerms);
  let total = 0;
  let covered = 0;
  for (const t of unique) {
    const w = weights.weight(t);
    total += w;
    if (have.has(t)) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

export { contentTerms };
