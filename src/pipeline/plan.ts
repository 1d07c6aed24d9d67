// Stage 2, plan: the search queries for each claim, from several angles.
import type { Analyst, AnalystContext } from "../analysts/analyst.js";
import type { IntakeResult, Plan } from "../domain/analysis.js";

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
  // The claims, not the whole input: "I read yesterday that X" is not a question about yesterday.
  const maxAgeDays = recencyOf(intakeResult.claims.map((c) => c.text).join(" ") || intakeResult.input.text);
  return { queries: queries.slice(0, MAX_QUERIES), ...(maxAgeDays ? { maxAgeDays } : {}) };
}

const RECENCY: [RegExp, number][] = [
  [/\b(today|tonight|yesterday|breaking|this morning|right now|just now)\b/i, 2],
  [/\b(this|last|past) week\b/i, 7],
  [/\b(this|last|past) month\b|\b(latest|recent|recently|currently|so far|as of now)\b/i, 31],
  [/\b(this|last|past) year\b|\bcurrent\b/i, 365],
];

/**
 * How recent the evidence for a time-sensitive question must be, in days ("Who won the
 * election yesterday?" → 2); undefined when the question is not about the present.
 */
export function recencyOf(text: string, now = new Date()): number | undefined {
  for (const [pattern, days] of RECENCY) if (pattern.test(text)) return days;
  // The current year named explicitly ("in 2026") asks about this year.
  if (new RegExp(`\\b${now.getUTCFullYear()}\\b`).test(text)) return 365;
  return undefined;
}
