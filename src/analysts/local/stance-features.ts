// Features of a (claim, passage) pair for the stance model, shared by the judge and the training
// script, so the two never drift. The sentence encoder's vectors say what each is about, and their
// elementwise product and difference let a small network learn where they part ways (USE's cosine
// alone cannot: "The drug reduced mortality." and "The drug did not reduce mortality." score 0.90);
// the polarity cues add what a lexical reading sees plainly (negation reaching the claim's terms,
// opposites, disagreeing numbers, the claim restated with a negation).
import { polarityFeatures, POLARITY_FEATURES } from "./polarity-features.js";

/** The polarity cues, without the lexical coverage the polarity model also reads. */
const CUES = POLARITY_FEATURES.length - 1;

function stanceInputs(dimensions: number): number {
  return 4 * dimensions + CUES;
}

export function stanceFeatures(claim: string, claimVector: Float32Array, passage: string, passageVector: Float32Array): Float32Array {
  const d = claimVector.length;
  const x = new Float32Array(stanceInputs(d));
  for (let i = 0; i < d; i++) {
    const u = claimVector[i]!;
    const v = passageVector[i]!;
    x[i] = u;
    x[d + i] = v;
    x[2 * d + i] = Math.abs(u - v);
    // Scaled so a product is about as large as the other parts (unit vectors of 512 dimensions).
    x[3 * d + i] = u * v * Math.sqrt(d);
  }
  const cues = polarityFeatures(claim, passage, 0).slice(0, CUES);
  cues.forEach((c, i) => (x[4 * d + i] = c));
  return x;
}
