// Examples for the re-ranker, taken from what the pipeline itself does with SciFact TRAIN
// claims (intake, plan, gather, read: the same code as a check), labelled by the cited abstracts.
import { documentFeatures, prepare, readMeaning } from "../../src/analysts/local/rank.js";
import { libraryId, type Workspace } from "../../bench/quality/harness.js";
import type { Group } from "./lambdamart-fit.js";
import { readForClaim } from "./pipeline-run.js";
import { scifactTrain } from "./train-sets.js";

/** One group per claim the intake finds in a train claim: the documents read, labelled by the cited abstracts. */
export async function rerankGroups(dataDir: string, workspace: Workspace): Promise<Group[]> {
  const groups: Group[] = [];
  const set = await scifactTrain(dataDir);
  const scifact = await workspace.libraryOf("scifact-train", set.documents, "rerank: SciFact library");
  try {
    for (const claim of set.claims) {
      const { claims, documents } = await readForClaim(scifact, claim.text);
      const relevant = new Set(claim.cited);
      const labels = documents.map((d) => relevant.has(libraryId(d.url)));
      const prepared = prepare(claims, documents);
      const meaning = await readMeaning(claims, documents, prepared, scifact.encoder);
      for (const x of documentFeatures(claims, documents, prepared, meaning)) groups.push({ x, relevant: labels });
    }
  } finally {
    await scifact.close();
  }
  return groups;
}
