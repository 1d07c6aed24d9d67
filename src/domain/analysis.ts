// What an analyst takes and gives at each step of a check (DESIGN.md, "The pipeline"): the
// contract between the pipeline and the analysts, in terms of the report's own types.
import type { Claim, Entity, InputKind, Provenance, Stance, SubmittedPage, UncheckedSentence, VerdictLabel } from "./report.js";

export interface IntakeResult {
  input: { text: string; kind: InputKind; page?: SubmittedPage };
  title: string;
  language: string;
  claims: Claim[];
  /** The sentences of a text or page that were not made claims, with the reason (none for other inputs). */
  unchecked?: UncheckedSentence[];
  category: string;
  entities: Entity[];
  slug: string;
}

export interface PlannedQuery {
  claimId: string;
  text: string;
  /** supporting | refuting | context: the angle the query looks from. */
  angle: string;
}

export interface Plan {
  queries: PlannedQuery[];
  /** A time-sensitive question ("latest", "today", "this year") asks only for recent results. */
  maxAgeDays?: number;
}

export type ProviderRecord = Provenance["providers"][number];

/** A source whose text has been read and stored, ready to be ranked and cited. */
export interface ReadDocument {
  url: string;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  retrievedAt: string;
  provider: string;
  text: string;
  textHash: string;
  searchScore: number;
  /** The operator's note on this source's domain, shown beside it. */
  reliabilityNote: string | null;
}

export type Rejection = Provenance["rejected"][number];

/** A kept passage: one sentence, verbatim from its document, that bears on a claim. */
export interface Evidence {
  id: string;
  claimId: string;
  /** Index into the documents the analyst ranked. */
  documentIndex: number;
  quote: string;
  /** The sentences around the quote, for judging; never cited. */
  context: string;
  /** 0..1: how much of the claim the passage covers. */
  relevance: number;
  /** -1..1: how near the passage's meaning is to the claim's (cosine of their sentence vectors), where the ranker read it. */
  similarity?: number;
  /** 0..1: how likely the passage is the one that states the finding the claim is about (the rationale model's estimate). */
  bearing: number;
  /** 0..1: how likely the passage's whole document is about the claims (the re-ranker's estimate). */
  documentRelevance: number;
  /** The passage states a study's aim or method (by its section label or its own words), not a finding. */
  aimOrMethod?: boolean;
}

export interface RankResult {
  evidence: Evidence[];
  /** Documents best first: how well their best passages cover the claims, and the search's own score. */
  documents: { documentIndex: number; score: number }[];
}

export type PassageStance = Exclude<Stance, "mixed">;

export interface EvidenceJudgement {
  evidenceId: string;
  stance: PassageStance;
  /** 0..1: how strongly this passage bears on the verdict. */
  weight: number;
}

export interface ClaimJudgement {
  claimId: string;
  label: VerdictLabel;
  confidence: number;
}

export interface Judgement {
  evidence: EvidenceJudgement[];
  claims: ClaimJudgement[];
  overall: { label: VerdictLabel; confidence: number };
}

/** A source as numbered for the report, with the evidence it contributes. */
export interface NumberedSource {
  n: number;
  document: ReadDocument;
  evidence: { item: Evidence; judgement: EvidenceJudgement }[];
  stance: Stance;
}

/**
 * A sentence of the draft. `factual` sentences state something about the world and must
 * cite; the others (framing, analysis of the input's wording) need not.
 */
export interface DraftSentence {
  text: string;
  cites: number[];
  /** The verbatim passages the sentence relies on, each from one of the cited sources. */
  quotes: { n: number; text: string }[];
  factual: boolean;
}

export interface DraftSection {
  kind: "summary" | "context" | "bias";
  paragraphs: DraftSentence[][];
  /** For each paragraph (same order), what the report shows with it: the claim whose evidence it gives, a heading that says its finding. */
  about?: ({ claimId?: string; heading?: string } | undefined)[];
}

export interface Draft {
  headline: string;
  sections: DraftSection[];
  followUps: string[];
  /** "How this was checked": notes on the method and its limits, kept out of the findings. */
  method?: string[];
}

export interface WriteInput {
  intake: IntakeResult;
  judgement: Judgement;
  sources: NumberedSource[];
  /** What was consulted, for honest statements of the search's limits. */
  consulted: { providers: ProviderRecord[]; documentsRead: number };
}
