// Rationale examples: every sentence of the documents a check reads for a train claim (the ten the
// re-ranker puts first), labelled evidence when the dataset marks it as the claim's rationale
// (SciFact train rationales; Check-COVID train evidence sentences) and context otherwise.
import path from "node:path";
import type { Verity } from "../../src/app.js";
import { rationaleFeatures } from "../../src/engines/local/rationale-features.js";
import { RERANK_MODEL } from "../../src/engines/local/models/index.js";
import { relevanceOf } from "../../src/engines/local/models/trees.js";
import { documentFeatures, prepare, sentencesFor, MIN_PASSAGE_COVERAGE } from "../../src/pipeline/rank.js";
import { libraryId, type Workspace } from "../../bench/quality/harness.js";
import { jsonLines } from "./files.js";
import type { Example } from "./logistic-fit.js";
import { readForClaim } from "./pipeline-run.js";

/** Documents per claim the examples come from: the judge reads the best few. */
const TOP_DOCUMENTS = 10;

interface TrainClaim {
  text: string;
  /** Rationale sentences (verbatim, as in the corpus) by library id. */
  rationales: Map<string, Set<string>>;
}

const normalized = (s: string) => s.replace(/\s+/g, " ").trim();

async function examplesFor(verity: Verity, claims: TrainClaim[]): Promise<Example[]> {
  const out: Example[] = [];
  for (const claim of claims) {
    const { claims: found, documents } = await readForClaim(verity, claim.text);
    if (found.length !== 1) continue;
    const prepared = prepare(documents);
    const relevance = documentFeatures(found, documents, prepared)[0]!.map((x) => relevanceOf(RERANK_MODEL, x));
    const top = new Set(relevance.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, TOP_DOCUMENTS).map(([, i]) => i));
    for (const { c, claimTerms, sentence } of sentencesFor(found[0]!, prepared, relevance)) {
      if (!top.has(c.documentIndex) || sentence.coverage < MIN_PASSAGE_COVERAGE) continue;
      const rationale = claim.rationales.get(libraryId(documents[c.documentIndex]!.url))?.has(normalized(sentence.text)) ?? false;
      out.push({ x: rationaleFeatures(claimTerms, sentence), y: rationale ? "evidence" : "context" });
    }
  }
  return out;
}

export async function rationaleExamples(dataDir: string, workspace: Workspace): Promise<Example[]> {
  const scifactCorpus = await jsonLines(path.join(dataDir, "scifact/corpus.jsonl"));
  const abstracts = new Map<string, string[]>(scifactCorpus.map((d) => [`sf-${d.doc_id}`, d.abstract]));
  const scifactClaims: TrainClaim[] = (await jsonLines(path.join(dataDir, "scifact/claims_train.jsonl"))).map((c) => ({
    text: c.claim,
    rationales: new Map(
      Object.entries(c.evidence as Record<string, { sentences: number[] }[]>).map(([doc, sets]) => [
        `sf-${doc}`,
        new Set(sets.flatMap((s) => s.sentences).map((i) => normalized(abstracts.get(`sf-${doc}`)?.[i] ?? ""))),
      ]),
    ),
  }));
  const covidCorpus = await jsonLines(path.join(dataDir, "check-covid/corpus.json"));
  const covidAbstracts = new Map<string, string[]>(covidCorpus.map((d) => [`cc-${d.cord_id}`, d.abstract]));
  // NOTENOUGHINFO evidence is a sentence that does not settle the claim: not a rationale, so those claims are left out.
  const covidClaims: TrainClaim[] = (await jsonLines(path.join(dataDir, "check-covid/train/covidCheck_train_composed+extracted.json")))
    .filter((c) => c.label !== "NOTENOUGHINFO")
    .map((c) => ({
      text: c.claim,
      rationales: new Map([[`cc-${c.cord_id}`, new Set((c.evidence_set as { sent_index: number }[]).map((e) => normalized(covidAbstracts.get(`cc-${c.cord_id}`)?.[e.sent_index] ?? "")))]]),
    }));
  const examples: Example[] = [];
  for (const [name, corpus, claims] of [
    ["scifact", scifactCorpus.map((d) => ({ id: `sf-${d.doc_id}`, title: d.title, sentences: d.abstract })), scifactClaims],
    ["check-covid", covidCorpus.map((d) => ({ id: `cc-${d.cord_id}`, title: d.title, sentences: d.abstract })), covidClaims],
  ] as const) {
    const verity = await workspace.libraryOf(`${name}-rationale`, corpus);
    try {
      examples.push(...(await examplesFor(verity, claims)));
    } finally {
      await verity.close();
    }
  }
  return examples;
}
