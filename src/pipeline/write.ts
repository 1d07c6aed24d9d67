// Stage 7, write: number the sources that carry evidence, then let the analyst write.
import type { Stance } from "../domain/report.js";
import type { Analyst, AnalystContext } from "../analysts/analyst.js";
import type { Draft, Evidence, Judgement, NumberedSource, ReadDocument, WriteInput } from "../domain/analysis.js";

const MAX_SOURCES = 10;

/**
 * Sources in order of the strongest evidence they give (for or against first, then context),
 * numbered from 1.
 */
export function numberSources(documents: ReadDocument[], evidence: Evidence[], judgement: Judgement): NumberedSource[] {
  const judgementById = new Map(judgement.evidence.map((j) => [j.evidenceId, j]));
  const byDoc = new Map<number, NumberedSource["evidence"]>();
  for (const item of evidence) {
    const j = judgementById.get(item.id);
    if (!j) continue;
    const list = byDoc.get(item.documentIndex) ?? [];
    list.push({ item, judgement: j });
    byDoc.set(item.documentIndex, list);
  }
  const strength = (list: NumberedSource["evidence"]) =>
    Math.max(...list.map((e) => (e.judgement.stance === "neutral" ? 0 : 1) + e.judgement.weight));
  return [...byDoc.entries()]
    .sort((a, b) => strength(b[1]) - strength(a[1]) || a[0] - b[0])
    .slice(0, MAX_SOURCES)
    .map(([documentIndex, list], i) => ({
      n: i + 1,
      document: documents[documentIndex]!,
      evidence: list,
      stance: sourceStance(list.map((e) => e.judgement.stance)),
    }));
}

function sourceStance(stances: string[]): Stance {
  const s = stances.includes("supports");
  const r = stances.includes("refutes");
  return s && r ? "mixed" : s ? "supports" : r ? "refutes" : "neutral";
}

export async function write(input: WriteInput, analyst: Analyst, ctx: AnalystContext): Promise<Draft> {
  return analyst.write(input, ctx);
}
