// The analyst: the judgement behind a check. The local analyst (no model, no key)
// and the LLM analyst implement this one interface; the pipeline does not know which runs.
import type { Claim } from "../domain/report.js";
import type { Draft, Evidence, IntakeResult, Judgement, Plan, PlannedQuery, WriteInput } from "../pipeline/types.js";

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

/** Per-check state an analyst reports into: model calls, and steps that fell back to the local analyst. */
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
  intake(text: string, ctx: AnalystContext): Promise<IntakeResult>;
  plan(intake: IntakeResult, ctx: AnalystContext): Promise<Plan>;
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
