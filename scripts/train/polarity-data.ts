// Polarity examples: the rationale sentences of SciFact train (SUPPORT / CONTRADICT) and the
// primary evidence sentences of Check-COVID train (SUPPORT / REFUTE), each paired with its claim.
// Relevance is computed as at check time: rarity-weighted coverage over the abstract and its neighbours.
import { contentTerms } from "../../src/domain/text.js";
import { polarityFeatures } from "../../src/analysts/local/polarity-features.js";
import { coverage, idfWeights } from "../../src/analysts/local/relevance.js";
import type { Example } from "./logistic-fit.js";
import { checkCovidTrain, scifactTrain } from "./train-sets.js";

function example(claim: string, sentences: string[], index: number, label: string): Example {
  const weights = idfWeights(sentences.map((s) => contentTerms(s)));
  const relevance = coverage(contentTerms(claim), contentTerms(sentences[index]!), weights);
  return { x: polarityFeatures(claim, sentences[index]!, relevance), y: label };
}

export async function polarityExamples(dataDir: string): Promise<Example[]> {
  const examples: Example[] = [];
  for (const set of [await scifactTrain(dataDir), await checkCovidTrain(dataDir)]) {
    for (const claim of set.claims) {
      for (const gold of claim.evidence) {
        const sentences = set.abstracts.get(gold.document);
        if (gold.primary && sentences?.[gold.sentence]) examples.push(example(claim.text, sentences, gold.sentence, gold.label));
      }
    }
  }
  return examples;
}
