// The analyst: the judgement behind a check. The local analyst (no model, no key) and the LLM
// analyst implement this one interface; the pipeline does not know which runs. The contract
// depends only on the domain.
import type {
  Draft,
  Evidence,
  IntakeResult,
  Judgement,
  Plan,
  PlannedQuery,
  RankResult,
  ReadDocument,
  WriteInput,
} from "../domain/analysis.js";
import type { Claim } from "../domain/report.js";

/** One model call, as recorded in the report's provenance. */
export interface ModelCall {
  step: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  ms: number;
  ok: boolean;
  error: string | null;
}

/** Per-check state an analyst reports into: model calls, and steps that fell back to another analyst. */
export interface AnalystContext {
  calls: ModelCall[];
  /** Human-readable notes, e.g. "judge: model output invalid after 2 retries; used the local analyst". */
  fallbacks: string[];
  signal?: AbortSignal;
}

export function newAnalystContext(signal?: AbortSignal): AnalystContext {
  return { calls: [], fallbacks: [], signal };
}

export interface Analyst {
  readonly engine: "local" | "llm";
  readonly model: string | null;
  /** What orders documents and chooses passages, in words (recorded in provenance). */
  readonly ranker: string;
  intake(text: string, ctx: AnalystContext): Promise<IntakeResult>;
  plan(intake: IntakeResult, ctx: AnalystContext): Promise<Plan>;
  /** Orders the documents read for the claims and keeps the passages worth judging, verbatim. */
  rank(claims: Claim[], documents: ReadDocument[], ctx: AnalystContext): Promise<RankResult>;
  judge(claims: Claim[], evidence: Evidence[], ctx: AnalystContext): Promise<Judgement>;
  write(input: WriteInput, ctx: AnalystContext): Promise<Draft>;
  /**
   * After a round of evidence: more queries to run, or none when the verdict is settled or
   * the budget is spent. Absent: one round only (the local analyst).
   */
  nextQueries?(intake: IntakeResult, judgement: Judgement, round: number, ctx: AnalystContext): Promise<PlannedQuery[]>;
  /** A model's check that each cited sentence is supported by its quotes (the audit's last step). */
  verifySupport?(items: { sentence: string; quotes: string[] }[], ctx: AnalystContext): Promise<boolean[]>;
}
