// `npm run train`, second to last step (in its own process, so that the documents' relevance comes
// from the re-ranker just written): fits the rationale model, which tells which sentence of a
// document states the finding a claim is about, and writes src/analysts/local/models/rationale.json.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { RATIONALE_FEATURES } from "../../src/analysts/local/rationale-features.js";
import { openTrainingEncoder } from "../../bench/quality/embeddings.js";
import { Workspace } from "../../bench/quality/harness.js";
import { fitLogistic } from "./logistic-fit.js";
import { rationaleExamples } from "./rationale-data.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") } } });
const dataDir = path.resolve(values["data-dir"]!);

const shared = await openTrainingEncoder();
const workspace = await Workspace.create(shared.cache);
try {
  const examples = await rationaleExamples(dataDir, workspace);
  const evidence = examples.filter((e) => e.y === "evidence").length;
  console.error(`rationale: ${examples.length} sentences (${evidence} rationales)`);
  // Classes as they come: the probability is read as "how likely this is the finding", not only as an order.
  const model = fitLogistic(
    `Whether a sentence states the finding a claim is about (evidence / context), logistic regression over ${RATIONALE_FEATURES.length} features (coverage of the claim and its standing within the document, finding and method words, numbers and statistics, shared bigrams, the document's relevance); trained by npm run train on the sentences of the ten most relevant documents the pipeline reads for SciFact train and Check-COVID train claims, labelled by their rationales (${examples.length} sentences, ${evidence} rationales).`,
    ["context", "evidence"],
    RATIONALE_FEATURES,
    examples,
    { balanced: false, epochs: 3000, learningRate: 1 },
  );
  await writeFile("src/analysts/local/models/rationale.json", JSON.stringify(model, null, 1) + "\n");
} finally {
  await workspace.dispose();
  await shared.close();
}
