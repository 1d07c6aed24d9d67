// The model's judgement mapped to the pipeline's: a stance only where the passage's own words carry
// it (and do not address the analyst), a verdict only where the stances can carry it, and no verdict
// but "unverified" on thin evidence.
import type { Claim, VerdictLabel } from "../../domain/report.js";
import type { ClaimJudgement, Evidence, EvidenceJudgement, Judgement, PassageStance } from "../../domain/analysis.js";
import { overallVerdict, verdictFor } from "../../domain/verdict.js";
import type { JudgeOutput } from "./schemas.js";

/** Less than this total weight of supporting plus refuting passages is too thin for a verdict. */
const THIN_EVIDENCE = 0.3;
/** Unverified says little about the world; its confidence stays low. */
const MAX_UNVERIFIED_CONFIDENCE = 0.5;

const INSTRUCTION_PATTERNS = [
  /\b(ignore|disregard|forget|override)\b[^.!?]{0,40}\b(previous|prior|above|earlier|all|any|your|the)\b[^.!?]{0,30}\b(instructions?|prompts?|rules|directions|guidelines)\b/i,
  /\b(rate|mark|label|classify|judge|score|rule|grade)\b[^.!?]{0,30}\b(this|the|that)\s+(claim|statement|article|passage|text|fact-check)\b[^.!?]{0,30}\bas\b/i,
  /\b(system prompt|as an ai\b|you are an? (ai|assistant|language model)|you must (now )?(answer|respond|output|rate|say))/i,
];

/** A passage's words that address the analyst instead of the world (a prompt injection). */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((re) => re.test(text));
}

/** True when `quote` occurs in one of the texts, exactly or up to runs of whitespace. */
function verbatimIn(quote: string, texts: string[]): boolean {
  const q = quote.trim();
  if (!q) return false;
  if (texts.some((t) => t.includes(q))) return true;
  const fq = q.replace(/\s+/g, " ");
  return texts.some((t) => t.replace(/\s+/g, " ").includes(fq));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, Math.round(x * 100) / 100)) : 0;
}

/** The judgement from the model's answer; `passages` are the evidence under the keys the prompt gave them. */
export function mapJudgement(claims: Claim[], passages: { key: string; evidence: Evidence }[], out: JudgeOutput): Judgement {
  const byKey = new Map(passages.map((p) => [p.key, p.evidence]));
  const judged = new Map<string, EvidenceJudgement>();
  for (const p of out.passages) {
    const e = byKey.get(p.id.trim());
    if (!e || judged.has(e.id)) continue; // unknown ids are ignored; the first entry for an id counts
    let stance: PassageStance = p.stance;
    // A stance must rest on the passage's own words, and those words must speak about the world.
    if (stance !== "neutral" && (!verbatimIn(p.quote, [e.quote, e.context]) || looksLikeInstruction(p.quote))) stance = "neutral";
    judged.set(e.id, { evidenceId: e.id, stance, weight: clamp01(p.weight) });
  }
  // A passage the model skipped says nothing either way.
  const evidence = passages.map(
    ({ evidence: e }) => judged.get(e.id) ?? { evidenceId: e.id, stance: "neutral" as const, weight: clamp01(e.relevance * 0.3) },
  );
  const claimOf = new Map(passages.map(({ evidence: e }) => [e.id, e.claimId]));

  let corrected = false;
  const claimJudgements: ClaimJudgement[] = claims.map((claim) => {
    const own = evidence.filter((j) => claimOf.get(j.evidenceId) === claim.id);
    const support = own.filter((j) => j.stance === "supports").reduce((n, j) => n + j.weight, 0);
    const refute = own.filter((j) => j.stance === "refutes").reduce((n, j) => n + j.weight, 0);
    const m = out.claims.find((c) => c.claimId.trim() === claim.id);
    if (support + refute < THIN_EVIDENCE) {
      // No evidence never means true.
      if (m?.label !== "unverified") corrected = true;
      return { claimId: claim.id, label: "unverified", confidence: Math.min(MAX_UNVERIFIED_CONFIDENCE, m ? clamp01(m.confidence) : 0.3) };
    }
    if (!m || !consistent(m.label, support, refute)) {
      corrected = true;
      return verdictFor(claim, own); // the verdict the kept stances add up to
    }
    const confidence = clamp01(m.confidence);
    return {
      claimId: claim.id,
      label: m.label,
      confidence: m.label === "unverified" ? Math.min(MAX_UNVERIFIED_CONFIDENCE, confidence) : confidence,
    };
  });

  let overall: Judgement["overall"];
  if (claimJudgements.length === 1) {
    overall = { label: claimJudgements[0]!.label, confidence: claimJudgements[0]!.confidence };
  } else {
    const labels = new Set(claimJudgements.map((c) => c.label));
    const m = out.overall;
    const plausible = labels.has(m.label) || ((m.label === "misleading" || m.label === "conflicting") && labels.size > 1);
    const allUnverified = claimJudgements.every((c) => c.label === "unverified");
    overall =
      corrected || !plausible || allUnverified ? overallVerdict(claimJudgements) : { label: m.label, confidence: clamp01(m.confidence) };
  }
  return { evidence, claims: claimJudgements, overall };
}

/** A label the passages' stances can carry. */
function consistent(label: VerdictLabel, support: number, refute: number): boolean {
  switch (label) {
    case "supported":
      return support > 0;
    case "refuted":
      return refute > 0;
    case "conflicting":
      return support > 0 && refute > 0;
    case "misleading":
      return support + refute > 0;
    case "unverified":
      return true;
  }
}
