// Features of one sentence, within its document, as the evidence for a claim: shared by the rank
// stage (which passages to keep and how squarely each bears on the claim) and by the training
// script, so the two never drift.
// (Of the sentences that mention the claim's terms, which one states the finding?)
// Position in the document is deliberately not a feature: in an abstract the finding comes last,
// in a news article first, and a model trained on abstracts would carry the wrong habit to the web
// (with position, SciFact dev label F1 0.504 against 0.517 without, and single-sentence documents,
// as in Climate-FEVER, lost: 0.348 against 0.388).
import type { SectionKind } from "../../domain/passages.js";
import { stem } from "../../domain/text.js";

/** Words that open or carry a finding in an abstract or a report. */
const FINDING_CUES = new Set(
  [
    "found",
    "find",
    "show",
    "showed",
    "shown",
    "result",
    "results",
    "conclusion",
    "conclude",
    "suggest",
    "indicate",
    "demonstrate",
    "associated",
    "significantly",
    "significant",
    "increased",
    "reduced",
    "decreased",
    "reveal",
    "observed",
    "identified",
    "led",
    "compared",
    "higher",
    "lower",
  ].map((w) => stem(w)),
);
/** Words of a study's aims and methods: about the claim's topic, rarely its answer. */
const METHOD_CUES = new Set(
  [
    "we",
    "performed",
    "measured",
    "randomized",
    "randomised",
    "using",
    "used",
    "study",
    "analyzed",
    "analysed",
    "assessed",
    "enrolled",
    "cohort",
    "examined",
    "investigated",
    "aim",
    "aimed",
    "objective",
    "purpose",
    "background",
    "methods",
    "design",
  ].map((w) => stem(w)),
);
const STATISTIC = /\bp\s*[<=>≤]|%|\bCI\b|odds ratio|hazard ratio|\bOR\b|\bHR\b|\bRR\b/;

export const RATIONALE_FEATURES = [
  "coverage",
  "coverage_vs_document_best",
  "document_best",
  "coverage_rank_in_document",
  "finding_cues",
  "method_cues",
  "has_number",
  "has_statistic",
  "length",
  "claim_bigrams",
  "claim_words",
  "document_relevance",
  "similarity",
  "similarity_vs_document_best",
  "similarity_best_in_document",
  "section_aim",
  "section_method",
  "section_finding",
  "states_an_aim",
] as const;

/** A sentence that says what a study set out to do (or a review sets out to cover), not what it found. */
const AIM_STATEMENT =
  /^(to (investigate|assess|determine|evaluate|examine|explore|compare|test|study|identify|describe|characteri[sz]e|establish|clarify|estimate|quantify|analy[sz]e)\b|(we|this study|this paper|this review|the present study|the study|the authors?) (aimed|aims|sought|seeks|set out|investigated|investigates|examined|examines|assessed|assesses|evaluated|evaluates|explored|explores|hypothesi[sz]ed|asked)\b|(the )?(aim|aims|objective|objectives|purpose|goal) (of|was|is|were)\b|(here|in this (review|article|paper|chapter|study|work|report)),? we (will )?(investigate|investigated|examine|examined|assess|evaluate|explore|test|ask|discuss|review|summari[sz]e|address|focus|provide an overview)\b|we (investigate|examine|assess|evaluate|explore|test|ask|discuss|review|summari[sz]e)\b|(this|the present|the current|our) (study|trial|analysis|work) (was|is) (conducted|designed|undertaken|performed|carried out) to\b|(this|the present) (review|article|paper|chapter) (will )?(discuss|discusses|describes|summari[sz]es|reviews|focus|focuses|considers)\b)/i;

/** Whether a sentence states a study's aim ("This study was conducted to investigate whether ..."), not its finding. */
export function statesAnAim(sentence: string): boolean {
  return AIM_STATEMENT.test(sentence);
}

export interface SentenceInDocument {
  text: string;
  /** Its words, lower-cased, stopwords kept ("we" marks a method sentence). */
  tokens: string[];
  /** Stemmed content terms. */
  terms: string[];
  /** Weighted share of the claim's terms it covers, the best such share in its document, and its rank there (0 = best). */
  coverage: number;
  documentBest: number;
  rankInDocument: number;
  documentRelevance: number;
  /** Cosine of its and the claim's sentence vectors (null when the encoder did not read it), the best in its document, and its rank there. */
  similarity: number | null;
  similarityBest: number;
  similarityRank: number;
  /** The section of a structured abstract it belongs to, when labelled. */
  section: SectionKind | null;
}

export function rationaleFeatures(claimTerms: string[], sentence: SentenceInDocument): number[] {
  const claimSet = new Set(claimTerms);
  const terms = new Set(sentence.terms);
  const claimBigrams = new Set(claimTerms.slice(1).map((t, i) => `${claimTerms[i]} ${t}`));
  let bigrams = 0;
  for (let i = 1; i < sentence.terms.length; i++) if (claimBigrams.has(`${sentence.terms[i - 1]} ${sentence.terms[i]}`)) bigrams++;
  let sharedWords = 0;
  for (const t of claimSet) if (terms.has(t)) sharedWords++;
  const stems = new Set(sentence.tokens.map((t) => stem(t)));
  let finding = 0;
  let method = 0;
  for (const s of stems) {
    if (FINDING_CUES.has(s)) finding++;
    if (METHOD_CUES.has(s)) method++;
  }
  return [
    sentence.coverage,
    sentence.documentBest > 0 ? sentence.coverage / sentence.documentBest : 0,
    sentence.rankInDocument === 0 ? 1 : 0,
    Math.min(sentence.rankInDocument, 5) / 5,
    finding,
    method,
    /\d/.test(sentence.text) ? 1 : 0,
    STATISTIC.test(sentence.text) ? 1 : 0,
    Math.log(1 + sentence.terms.length),
    claimBigrams.size > 0 ? Math.min(1, bigrams / claimBigrams.size) : 0,
    claimSet.size > 0 ? sharedWords / claimSet.size : 0,
    sentence.documentRelevance,
    sentence.similarity ?? 0,
    sentence.similarity !== null && sentence.similarityBest > 0 ? sentence.similarity / sentence.similarityBest : 0,
    sentence.similarity !== null && sentence.similarityRank === 0 ? 1 : 0,
    sentence.section === "aim" ? 1 : 0,
    sentence.section === "method" ? 1 : 0,
    sentence.section === "finding" ? 1 : 0,
    statesAnAim(sentence.text) ? 1 : 0,
  ];
}
