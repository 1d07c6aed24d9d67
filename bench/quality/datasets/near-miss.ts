// Near misses: SciFact dev's claims that cite evidence, checked over the SciFact library with every
// abstract a dev claim cites withheld. The library still holds studies on each claim's topic, just
// not the ones that answer it: the case a reader meets whenever the library lacks the study. A
// trustworthy report gives no source a stance and stays "unverified". SciFact's annotation is not
// exhaustive, so a few of the remaining abstracts may answer a claim: the target is low, not 0.
import { take, type Dataset } from "../dataset.js";
import { scifactDevClaims, scifactLibrary } from "./scifact.js";
import { unanswerableFigures } from "./unanswerable.js";

export const nearMiss: Dataset = {
  name: "near-miss",
  async run({ dataDir, limit, workspace, log }) {
    const claims = await scifactDevClaims(dataDir);
    const withheld = new Set(claims.flatMap((c) => c.cited_doc_ids));
    const verity = await workspace.libraryOf("scifact-near-miss", await scifactLibrary(dataDir, withheld));
    const questions = take(
      claims.filter((c) => Object.keys(c.evidence).length > 0).map((c) => c.claim),
      limit,
    );
    const figures = await unanswerableFigures(verity, questions).finally(() => verity.close());
    log(`  near-miss: ${figures.citing} of ${questions.length} cite something`);
    return {
      dataset: "Near misses (SciFact dev, cited abstracts withheld)",
      split: `dev: the ${questions.length} claims with evidence, over the library without the ${withheld.size} abstracts dev claims cite`,
      task: "claims whose answering studies are not in the library (studies on their topics are): no source should take a side, every verdict unverified",
      claims: questions.length,
      metrics: figures.metrics,
      labelMapping: "none: every claim should come back unverified; passages on the topic may be cited as context.",
      checkMs: figures.checkMs,
      notes: figures.notes,
    };
  },
};
