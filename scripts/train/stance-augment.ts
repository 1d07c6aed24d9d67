// Two kinds of pair the public sets hold too few of, made from their own train pairs (deterministic):
// - a claim negated ("X can Y" → "X can not Y") beside the evidence that supported it, and beside the
//   claim itself (both ways), labelled refutes: sentence vectors barely move when a "not" is added
//   (cosine about 0.9), so the model must learn to read the negation cues, and the sets rarely show
//   a claim and its plain negation;
// - a claim turned the other way ("lowers the risk" → "raises the risk") beside the evidence that
//   supported it, labelled refutes: the vectors of the two are as close as a negation's, and the sets
//   rarely show a claim and its reversal;
// - a claim beside another group's evidence, labelled neutral: the sets' neutral pairs are on the
//   claim's topic, and a model that never saw an unrelated passage takes a side on one;
// - a claim beside itself, or its negation or reversal, reported the way abstracts and news report a
//   finding ("Studies found that …", "Researchers found no evidence that …"): the sets' evidence
//   seldom carries the negation while the claim does not, and the model without these pairs read
//   "Large studies found that coffee does not cause cancer." as supporting "Coffee causes cancer."
//   (bench/quality/datasets/plain-findings.json: 18 of 48 plain cases on the wrong side).
import { createHash } from "node:crypto";
import type { StancePair } from "./stance-sets.js";

/** The first auxiliary or copula, where a "not" goes; claims without one are not negated. */
const AUXILIARY = /\b(is|are|was|were|can|could|will|would|should|has|have|had|does|do|did|may|might|must)\b(?! not\b)(?!n't)/i;
const NEGATION = /\b(not|no|never|cannot|none|nor)\b|n't\b/i;

/** The claim with "not" after its first auxiliary, or null when it has none or is already negative. */
export function negateClaim(claim: string): string | null {
  if (NEGATION.test(claim)) return null;
  const match = AUXILIARY.exec(claim);
  if (!match) return null;
  const at = match.index + match[0].length;
  return `${claim.slice(0, at)} not${claim.slice(at)}`;
}

/** Words and the word that turns them the other way (both directions are listed). */
const OPPOSITE_PAIRS: [string, string][] = [
  ["increase", "decrease"],
  ["increases", "decreases"],
  ["increased", "decreased"],
  ["increasing", "decreasing"],
  ["raise", "lower"],
  ["raises", "lowers"],
  ["raised", "lowered"],
  ["raising", "lowering"],
  ["higher", "lower"],
  ["more", "less"],
  ["greater", "smaller"],
  ["improves", "worsens"],
  ["improved", "worsened"],
  ["promotes", "inhibits"],
  ["activates", "suppresses"],
  ["upregulates", "downregulates"],
  ["positively", "negatively"],
  ["positive", "negative"],
  ["benefits", "harms"],
  ["safe", "unsafe"],
  ["effective", "ineffective"],
  ["reduces", "increases"],
  ["reduced", "increased"],
  ["reduce", "increase"],
];
const OPPOSITE = new Map<string, string>();
// The first pair listed for a word wins ("lower" turns into "higher", "increases" into "decreases").
for (const [a, b] of OPPOSITE_PAIRS) {
  if (!OPPOSITE.has(a)) OPPOSITE.set(a, b);
  if (!OPPOSITE.has(b)) OPPOSITE.set(b, a);
}

/** The claim with its first direction word turned the other way, or null when it has none or is negative. */
export function reverseClaim(claim: string): string | null {
  if (NEGATION.test(claim)) return null;
  const match = /\b[A-Za-z]+\b/g;
  for (let m = match.exec(claim); m; m = match.exec(claim)) {
    const opposite = OPPOSITE.get(m[0].toLowerCase());
    if (!opposite) continue;
    const word = m[0][0] === m[0][0]!.toUpperCase() ? opposite[0]!.toUpperCase() + opposite.slice(1) : opposite;
    return claim.slice(0, m.index) + word + claim.slice(m.index + m[0].length);
  }
  return null;
}

/** A stable pseudo-random fraction for a key: the same pairs are chosen on every run. */
function fraction(key: string): number {
  return createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** Frames that report a finding as found. */
const FOUND = [
  "Studies found that",
  "The study showed that",
  "Researchers concluded that",
  "A large trial found that",
  "The evidence shows that",
  "Analysis of the data showed that",
  "It was found that",
  "Reviews of the evidence confirmed that",
];
/** Frames that report a finding as not found. */
const NOT_FOUND = [
  "Researchers found no evidence that",
  "There is no evidence that",
  "The study did not find that",
  "The data do not show that",
  "The trial failed to show that",
  "It is not true that",
];
/** Claims written from Wikipedia mostly open with a name, whose capital stays inside a frame. */
const NAMED = new Set(["fever-lite", "fever-symmetric", "fever-adversarial", "vitaminc", "fool-me-twice", "wice"]);

/** The claim as the clause of a reporting frame: "Coffee causes cancer." → "Studies found that coffee causes cancer." */
export function reported(frame: string, claim: string, dataset: string): string {
  let clause = claim.trim().replace(/[.!]+$/, "");
  if (!NAMED.has(dataset) && /^[A-Z][a-z]/.test(clause)) clause = clause[0]!.toLowerCase() + clause.slice(1);
  return `${frame} ${clause}.`;
}

function pick(list: string[], key: string): string {
  return list[Math.floor(fraction(key) * list.length)]!;
}

export function augmentStancePairs(
  train: StancePair[],
  options: { negated?: number; reversed?: number; unrelated?: number; reported?: number } = {},
): StancePair[] {
  const negatedShare = options.negated ?? 0.4;
  const reversedShare = options.reversed ?? 0.5;
  const unrelatedShare = options.unrelated ?? 0.1;
  const reportedShare = options.reported ?? 0.12;
  const out: StancePair[] = [];
  for (const p of train) {
    if (p.label !== "supports" || p.silver || fraction(`negate:${p.claim}:${p.evidence}`) >= negatedShare) continue;
    const negated = negateClaim(p.claim);
    // Not silver: a plain negation of a supported claim is refuted by the same evidence, and by the claim.
    if (!negated) continue;
    out.push({ ...p, claim: negated, label: "refutes", silver: false });
    out.push({ ...p, claim: negated, evidence: p.claim, label: "refutes", silver: false });
    out.push({ ...p, evidence: negated, label: "refutes", silver: false });
  }
  for (const p of train) {
    if (p.label !== "supports" || p.silver || fraction(`reverse:${p.claim}:${p.evidence}`) >= reversedShare) continue;
    const reversed = reverseClaim(p.claim);
    if (!reversed) continue;
    out.push({ ...p, claim: reversed, label: "refutes", silver: false });
    out.push({ ...p, claim: reversed, evidence: p.claim, label: "refutes", silver: false });
  }
  // Reported: each chosen claim once, whatever number of evidence passages supported it.
  const framed = new Set<string>();
  for (const p of train) {
    if (p.label !== "supports" || p.silver || framed.has(p.claim) || fraction(`report:${p.claim}`) >= reportedShare) continue;
    framed.add(p.claim);
    const found = pick(FOUND, `found:${p.claim}`);
    const claimAs = (claim: string, evidence: string, label: StancePair["label"]) =>
      out.push({ ...p, claim, evidence, label, silver: false });
    claimAs(p.claim, reported(found, p.claim, p.dataset), "supports");
    claimAs(p.claim, reported(pick(NOT_FOUND, `not-found:${p.claim}`), p.claim, p.dataset), "refutes");
    const negated = negateClaim(p.claim);
    if (negated) {
      claimAs(p.claim, reported(found, negated, p.dataset), "refutes");
      claimAs(negated, reported(found, negated, p.dataset), "supports");
      claimAs(negated, reported(found, p.claim, p.dataset), "refutes");
      claimAs(negated, negated, "supports");
    }
    const reversed = reverseClaim(p.claim);
    if (reversed) claimAs(p.claim, reported(found, reversed, p.dataset), "refutes");
  }
  // Unrelated: each chosen claim meets the evidence of the pair a fixed stride away, from another group.
  const stride = Math.max(1, Math.floor(train.length / 7) + 1);
  train.forEach((p, i) => {
    if (fraction(`unrelated:${p.claim}:${p.evidence}`) >= unrelatedShare) return;
    const other = train[(i + stride) % train.length]!;
    if (other.group === p.group) return;
    out.push({ ...p, evidence: other.evidence, label: "neutral", silver: true });
  });
  return out;
}
