// `npm run train`, first step (run in its own process by train.ts): fits the document re-ranker on the
// documents the pipeline retrieves for SciFact train claims, and writes src/analysts/local/models/rerank.json.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { RERANK_FEATURES } from "../../src/analysts/local/rerank-features.js";
import { openTrainingEncoder } from "../../bench/quality/embeddings.js";
import { Workspace } from "../../bench/quality/harness.js";
import { fitLambdaMart } from "./lambdamart-fit.js";
import { rerankGroups } from "./rerank-data.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") } } });
const dataDir = path.resolve(values["data-dir"]!);
const MODELS = "src/analysts/local/models";

const shared = await openTrainingEncoder();
const workspace = await Workspace.create(shared.cache);
try {
  const groups = await rerankGroups(dataDir, workspace);
  const relevant = groups.reduce((n, g) => n + g.relevant.filter(Boolean).length, 0);
  const documents = groups.reduce((n, g) => n + g.relevant.length, 0);
  console.error(`rerank: ${groups.length} claims, ${documents} documents (${relevant} relevant)`);
  const options = { trees: 600, depth: 4 };
  const model = fitLambdaMart(
    `Relevance of a retrieved document to a claim, LambdaMART (${options.trees} trees of depth ${options.depth}) over ${RERANK_FEATURES.length} features of the document within the candidate pool (search score and rank, title, sentence and text coverage, pool BM25, proximity, similarity to the pool's best documents, and the sentence encoder's similarity of the claim to the title and the closest passages); trained by npm run train on the documents the pipeline retrieves for SciFact train claims, labelled by their cited abstracts (${groups.length} claims, ${documents} documents, ${relevant} relevant).`,
    RERANK_FEATURES,
    groups,
    options,
  );
  // One tree a line: the file stays small and its diffs readable.
  const trees = model.trees.map((t) => `  ${JSON.stringify(t)}`).join(",\n");
  await writeFile(
    path.join(MODELS, "rerank.json"),
    `${JSON.stringify({ about: model.about, features: model.features, calibration: model.calibration }, null, 1).slice(0, -2)},\n "trees": [\n${trees}\n ]\n}\n`,
  );
} finally {
  await workspace.dispose();
  await shared.close();
}
