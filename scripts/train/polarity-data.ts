// Polarity examples: the rationale sentences of SciFact train (SUPPORT / CONTRADICT) and the
// primary evidence sentences of Check-COVID train (SUPPORT / REFUTE), each paired with its claim.
// Relevance is computed as at check time: rarity-weighted coverage over the abstract and its neighbours.
import path from "node:path";
import { jsonLines } from "./files.js";
import { contentTerms } from "../../src/domain/text.js";
import { polarityFeatures } from "../../src/engines/local/polarity-features.js";
import { coverage, idfWeights } from "../../src/engines/local/relevance.js";
import type { Example } from "./logistic-fit.js";


function example(claim: string, sentences: string[], index: number, label: string): Example {
  const weights = idfWeights(sentences.map((s) => contentTerms(s)));
  const relevance = coverage(contentTerms(claim), contentTerms(sentences[index]!), weights);
  return { x: polarityFeatures(claim, sentences[index]!, relevance), y: label };
}

export async function polarityExamples(dataDir: string): Promise<Example[]> {
  const examples: Example[] = [];
  const scifact = new Map<string, string[]>((await jsonLines(path.join(dataDir, "scifact/corpus.jsonl"))).map((d) => [String(d.doc_id), d.abstract]));
  for (const c of await jsonLines(path.join(dataDir, "scifact/claims_train.jsonl"))) {
    for (const [doc, rationales] of Object.entries(c.evidence as Record<string, { sentences: number[]; label: string }[]>)) {
      const sentences = scifact.get(doc);
      if (!sentences) continue;
      for (const r of rationales) for (const i of r.sentences) examples.push(example(c.claim, sentences, i, r.label === "SUPPORT" ? "supports" : "refutes"));
    }
  }
  const covid = new Map<string, string[]>((await jsonLines(path.join(dataDir, "check-covid/corpus.json"))).map((d) => [d.cord_id, d.abstract]));
  for (const c of await jsonLines(path.join(dataDir, "check-covid/train/covidCheck_train_composed+extracted.json"))) {
    if (c.label === "NOTENOUGHINFO") continue;
    const sentences = covid.get(c.cord_id);
    if (!sentences) continue;
    for (const e of c.evidence_set as { sent_index: number; type: string }[]) {
      if (e.type === "PRIMARY" && sentences[e.sent_index]) examples.push(example(c.claim, sentences, e.sent_index, c.label === "SUPPORT" ? "supports" : "refutes"));
    }
  }
  return examples;
}
