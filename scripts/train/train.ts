// `npm run train`: learns the local analyst's small models from the TRAIN splits and training sets in
// ../shared/datasets and writes them to src/analysts/local/models/: the document re-ranker (SciFact
// train, boosted trees), the rationale model (scripts/train/rationale.ts), the stance model
// (scripts/train/stance.ts, with its model card STANCE.md) and the confidence map
// (scripts/train/confidence.ts). Every text is embedded by the shipped sentence encoder once and
// cached in .cache/ (VERITY_CACHE_DIR): a first run spends most of its time there.
// Deterministic: same data, same weights.
import { execFileSync } from "node:child_process";
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

const started = performance.now();
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
// The rationale model, the stance model and then the confidence map are each fitted in a fresh
// process, which loads the weights written before it.
for (const step of ["rationale", "stance", "confidence"]) {
  execFileSync(process.execPath, ["--import", "tsx", `scripts/train/${step}.ts`, "--data-dir", dataDir], { stdio: "inherit" });
}
console.error(
  `trained in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${MODELS}/rerank.json, rationale.json, stance.json (STANCE.md) and confidence.json`,
);
