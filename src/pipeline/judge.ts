// Stage 6, judge: the analyst weighs each kept passage and reaches the verdicts.
import type { Claim } from "../domain/report.js";
import type { Analyst, AnalystContext } from "../analysts/analyst.js";
import type { Evidence, Judgement } from "../domain/analysis.js";

export async function judge(claims: Claim[], evidence: Evidence[], analyst: Analyst, ctx: AnalystContext): Promise<Judgement> {
  const judgement = await analyst.judge(claims, evidence, ctx);
  // Every passage must have been judged, and nothing else.
  const known = new Set(evidence.map((e) => e.id));
  const judged = judgement.evidence.filter((j) => known.has(j.evidenceId));
  if (judged.length !== evidence.length) throw new Error(`the analyst judged ${judged.length} of ${evidence.length} passages`);
  return { ...judgement, evidence: judged };
}
