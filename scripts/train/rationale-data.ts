// Rationale examples: every sentence of the documents a check reads for a train claim (the ten the
// re-ranker puts first), labelled evidence when the dataset marks it as the claim's rationale
// (SciFact train rationales; Check-COVID train evidence sentences) and context otherwise.
import type { Verity } from "../../src/service/verity.js";
import { rationaleFeatures } from "../../src/analysts/local/rationale-features.js";
import { sectionLabel } from "../../src/domain/passages.js";
import { RERANK_MODEL } from "../../src/analysts/local/models/index.js";
import { relevanceOf } from "../../src/analysts/local/models/trees.js";
import { documentFeatures, prepare, readMeaning, sentencesFor, MIN_PASSAGE_COVERAGE } from "../../src/analysts/local/rank.js";
import { libraryId, type Workspace } from "../../bench/quality/harness.js";
import type { Example } from "./logistic-fit.js";
import { readForClaim } from "./pipeline-run.js";
import { checkCovidTrain, scifactTrain, type TrainClaim, type TrainSet } from "./train-sets.js";

/** Documents per claim the examples come from: the judge reads the best few. */
const TOP_DOCUMENTS = 10;

const normalized = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * Each claim's rationale sentences (whitespace normalised) by library id, as the ranker's passages
 * read them: without the section label that opens one ("RESULTS Treatment with statins ...").
 */
function rationalesOf(claim: TrainClaim, abstracts: Map<string, string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const gold of claim.evidence) {
    const text = abstracts.get(gold.document)?.[gold.sentence];
    if (text === undefined) continue;
    if (!out.has(gold.document)) out.set(gold.document, new Set());
    out.get(gold.document)!.add(normalized(text.slice(sectionLabel(text)?.length ?? 0)));
  }
  return out;
}

async function examplesFor(verity: Verity, set: TrainSet): Promise<Example[]> {
  const out: Example[] = [];
  for (const claim of set.claims) {
    const rationales = rationalesOf(claim, set.abstracts);
    const { claims: found, documents } = await readForClaim(verity, claim.text);
    if (found.length !== 1) continue;
    const prepared = prepare(found, documents);
    const meaning = await readMeaning(found, documents, prepared, verity.encoder);
    const relevance = documentFeatures(found, documents, prepared, meaning)[0]!.map((x) => relevanceOf(RERANK_MODEL, x));
    const top = new Set(
      relevance
        .map((r, i) => [r, i] as const)
        .sort((a, b) => b[0] - a[0] || a[1] - b[1])
        .slice(0, TOP_DOCUMENTS)
        .map(([, i]) => i),
    );
    for (const { c, claimTerms, sentence } of sentencesFor(0, prepared, relevance, meaning)) {
      // The sentences a check could keep: covering enough of the claim, and read by the encoder.
      if (!top.has(c.documentIndex) || sentence.coverage < MIN_PASSAGE_COVERAGE || sentence.similarity === null) continue;
      const rationale = rationales.get(libraryId(documents[c.documentIndex]!.url))?.has(normalized(sentence.text)) ?? false;
      out.push({ x: rationaleFeatures(claimTerms, sentence), y: rationale ? "evidence" : "context" });
    }
  }
  return out;
}

export async function rationaleExamples(dataDir: string, workspace: Workspace): Promise<Example[]> {
  const examples: Example[] = [];
  for (const set of [await scifactTrain(dataDir), await checkCovidTrain(dataDir)]) {
    const verity = await workspace.libraryOf(`${set.name}-rationale`, set.documents, `rationale: ${set.name} library`);
    try {
      examples.push(...(await examplesFor(verity, set)));
    } finally {
      await verity.close();
    }
  }
  return examples;
}
