// Stage 2, plan: the search queries for each claim, from several angles.
import type { Analyst, AnalystContext } from "../engines/analyst.js";
import type { IntakeResult, Plan } from "./types.js";

const MAX_QUERIES = 12;

export async function plan(intakeResult: IntakeResult, analyst: Analyst, ctx: AnalystContext): Promise<Plan> {
  const planned = await analyst.plan(intakeResult, ctx);
  const seen = new Set<string>();
  const queries = planned.queries.filter((q) => {
    const key = q.text.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { queries: queries.slice(0, MAX_QUERIES) };
}
