// Examples for the re-ranker, taken from what the pipeline itself does with SciFact TRAIN
// claims (intake, plan, gather, read: the same code as a check), labelled by the cited abstracts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Verity } from "../../src/app.js";
import { newAnalystContext } from "../../src/engines/analyst.js";
import { gather } from "../../src/pipeline/gather.js";
import { read } from "../../src/pipeline/read.js";
import { documentFeatures } from "../../src/pipeline/rank.js";
import { createProviders } from "../../src/sources/registry.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";
import { libraryId, type Workspace } from "../../bench/quality/harness.js";
import type { Group } from "./lambdamart-fit.js";

const lines = (f: string) => readFile(f, "utf8").then((t) => t.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)));

/** Runs the pipeline's first stages for a claim; returns the documents read and their re-ranking features. */
async function throughPipeline(verity: Verity, claim: string) {
  const ctx = newAnalystContext();
  const intake = await verity.analyst.intake(claim, ctx);
  const plan = await verity.analyst.plan(intake, ctx);
  const gathered = await gather(plan, createProviders(["library"], verity.store), { language: intake.language, perQueryLimit: 20 });
  const { documents } = await read(gathered.hits, new SourceTextRepository(verity.store), { maxDocuments: 30 });
  return { documents, documentFeatures: documentFeatures(intake.claims, documents) };
}

/** One group per claim the intake finds in a train claim: the documents read, labelled by the cited abstracts. */
export async function rerankGroups(dataDir: string, workspace: Workspace): Promise<Group[]> {
  const groups: Group[] = [];
  const corpus = await lines(path.join(dataDir, "scifact/corpus.jsonl"));
  const scifact = await workspace.libraryOf(
    "scifact-train",
    corpus.map((d: { doc_id: number; title: string; abstract: string[] }) => ({ id: `sf-${d.doc_id}`, title: d.title, sentences: d.abstract })),
  );
  try {
    for (const c of await lines(path.join(dataDir, "scifact/claims_train.jsonl"))) {
      const run = await throughPipeline(scifact, c.claim);
      const relevant = new Set((c.cited_doc_ids as number[]).map((d) => `sf-${d}`));
      const labels = run.documents.map((d) => relevant.has(libraryId(d.url)));
      for (const x of run.documentFeatures) groups.push({ x, relevant: labels });
    }
  } finally {
    await scifact.close();
  }
  return groups;
}
