// Stage 5, rank: the analyst orders the documents and keeps the passages worth judging. Every
// kept passage must be a verbatim slice of the document it names, or the stage fails: a quote
// that is not in its source can never be published.
import type { Analyst, AnalystContext } from "../analysts/analyst.js";
import type { RankResult, ReadDocument } from "../domain/analysis.js";
import type { Claim } from "../domain/report.js";

export async function rank(claims: Claim[], documents: ReadDocument[], analyst: Analyst, ctx: AnalystContext): Promise<RankResult> {
  const ranked = await analyst.rank(claims, documents, ctx);
  const claimIds = new Set(claims.map((c) => c.id));
  for (const e of ranked.evidence) {
    const document = documents[e.documentIndex];
    if (!document || !claimIds.has(e.claimId) || !document.text.includes(e.quote)) {
      throw new Error(`the analyst's ranker kept a passage that is not in its document (${e.id})`);
    }
  }
  return ranked;
}
