// The queries the model planned, checked and chosen: each for a known claim, within a length, taken
// in turn from each claim, and never one already run.
import type { Claim } from "../../domain/report.js";
import type { Judgement, PlannedQuery } from "../../domain/analysis.js";
import { collapseWhitespace } from "../../domain/text.js";
import type { PlanOutput } from "./schemas.js";

const MAX_QUERY_CHARS = 200;

/** How a query is compared with the queries already run. */
export function queryKey(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

/** The model's queries that name a known claim and have a usable length, tidied. */
export function validQueries(queries: PlanOutput["queries"], claims: Claim[]): PlannedQuery[] {
  const ids = new Set(claims.map((c) => c.id));
  return queries
    .map((q) => ({ claimId: q.claimId.trim(), text: collapseWhitespace(q.text).replace(/^["“]|["”]$/g, ""), angle: q.angle }))
    .filter((q) => ids.has(q.claimId) && q.text.length >= 2 && q.text.length <= MAX_QUERY_CHARS);
}

/**
 * At most `limit` queries, taken in turn from each claim (main claim first) so that every claim
 * is searched; none repeats a query already run. With `everyClaim`, a claim the model gave no
 * query gets its own text as one.
 */
export function selectQueries(
  queries: PlannedQuery[],
  claims: Claim[],
  limit: number,
  alreadyRun: string[],
  everyClaim = true,
): PlannedQuery[] {
  const seen = new Set(alreadyRun);
  const perClaim = claims.map((c) => {
    const own = queries.filter((q) => q.claimId === c.id);
    if (own.length === 0 && everyClaim) own.push({ claimId: c.id, text: c.text, angle: "supporting" });
    return own;
  });
  const chosen: PlannedQuery[] = [];
  for (let i = 0; chosen.length < limit && perClaim.some((list) => i < list.length); i++) {
    for (const list of perClaim) {
      const q = list[i];
      if (!q || chosen.length >= limit) continue;
      const key = queryKey(q.text);
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push(q);
    }
  }
  return chosen;
}

/** Per claim, how many judged passages support, refute or say neither (for the search loop's prompt). */
export function stanceCounts(claims: Claim[], judgement: Judgement): Map<string, { supports: number; refutes: number; neutral: number }> {
  const counts = new Map(claims.map((c) => [c.id, { supports: 0, refutes: 0, neutral: 0 }]));
  for (const j of judgement.evidence) {
    // Evidence ids are "<claimId>:…" from the rank stage; count what can be attributed.
    const claimId = j.evidenceId.split(":")[0] ?? "";
    const c = counts.get(claimId);
    if (c) c[j.stance === "supports" ? "supports" : j.stance === "refutes" ? "refutes" : "neutral"]++;
  }
  return counts;
}
