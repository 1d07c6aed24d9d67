// Examples for the re-ranker, taken from what the pipeline itself does with SciFact TRAIN
// claims (intake, plan, gather, read: the same code as a check), labelled by the cited abstracts.
import path from "node:path";
import { jsonLines } from "./files.js";
import { documentFeatures } from "../../src/pipeline/rank.js";
import { libraryId, type Workspace } from "../../bench/quality/harness.js";
import type { Group } from "./lambdamart-fit.js";
import { readForClaim } from "./pipeline-run.js";


/** One group per claim the intake finds in a train claim: the documents read, labelled by the cited abstracts. */
export async function rerankGroups(dataDir: string, workspace: Workspace): Promise<Group[]> {
  const groups: Group[] = [];
  const corpus = await jsonLines(path.join(dataDir, "scifact/corpus.jsonl"));
  const scifact = await workspace.libraryOf(
    "scifact-train",
    corpus.map((d: { doc_id: number; title: string; abstract: string[] }) => ({ id: `sf-${d.doc_id}`, title: d.title, sentences: d.abstract })),
  );
  try {
    for (const c of await jsonLines(path.join(dataDir, "scifact/claims_train.jsonl"))) {
      const { claims, documents } = await readForClaim(scifact, c.claim);
      const relevant = new Set((c.cited_doc_ids as number[]).map((d) => `sf-${d}`));
      const labels = documents.map((d) => relevant.has(libraryId(d.url)));
      for (const x of documentFeatures(claims, documents)) groups.push({ x, relevant: labels });
    }
  } finally {
    await scifact.close();
  }
  return groups;
}
