// The analyst: the judgement behind a check. The local analyst (no model, no key)
// and the LLM analyst implement this one interface; the pipeline does not know which runs.
import type { Claim } from "../domain/report.js";
import type { Draft, Evidence, IntakeResult, Judgement, Plan, WriteInput } from "../pipeline/types.js";

export interface Analyst {
  readonly engine: "local" | "llm";
  readonly model: string | null;
  intake(text: string): Promise<IntakeResult>;
  plan(intake: IntakeResult): Promise<Plan>;
  judge(claims: Claim[], evidence: Evidence[]): Promise<Judgement>;
  write(input: WriteInput): Promise<Draft>;
}
