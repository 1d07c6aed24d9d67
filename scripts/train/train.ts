// `npm run train`: learns the local analyst's small models from the TRAIN splits in
// ../shared/datasets and writes them to src/analysts/local/models/: the document re-ranker
// (SciFact train, boosted trees), the polarity model (SciFact and Check-COVID train rationales), the
// rationale model (scripts/train/rationale.ts) and the confidence map (scripts/train/confidence.ts).
// Deterministic: same data, same weights.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { POLARITY_FEATURES } from "../../src/analysts/local/polarity-features.js";
import { RERANK_FEATURES } from "../../src/analysts/local/rerank-features.js";
import { Workspace } from "../../bench/quality/harness.js";
import { fitLogistic, type Example } from "./logistic-fit.js";
import { polarityExamples } from "./polarity-data.js";
import { fitLambdaMart } from "./lambdamart-fit.js";
import { rerankGroups } from "./rerank-data.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") } } });
const dataDir = path.resolve(values["data-dir"]!);
const MODELS = "src/analysts/local/models";

const counts = (xs: Example[]) =>
  Object.entries(xs.reduce<Record<string, number>>((m, e) => ((m[e.y] = (m[e.y] ?? 0) + 1), m), {}))
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

const started = performance.now();
const polarityData = await polarityExamples(dataDir);
console.error(`polarity: ${polarityData.length} examples (${counts(polarityData)})`);
const polarity = fitLogistic(
  `Polarity of a passage that speaks to a claim (supports / refutes), logistic regression over ${POLARITY_FEATURES.length} cues (negation reaching the claim's terms, opposites, direction words, null results, numbers, hedges); trained by npm run train on SciFact train rationales and Check-COVID train primary evidence (${polarityData.length} examples: ${counts(polarityData)}).`,
  ["supports", "refutes"],
  POLARITY_FEATURES,
  polarityData,
);
await writeFile(path.join(MODELS, "polarity.json"), JSON.stringify(polarity, null, 1) + "\n");

const workspace = await Workspace.create();
try {
  const groups = await rerankGroups(dataDir, workspace);
  const relevant = groups.reduce((n, g) => n + g.relevant.filter(Boolean).length, 0);
  const documents = groups.reduce((n, g) => n + g.relevant.length, 0);
  console.error(`rerank: ${groups.length} claims, ${documents} documents (${relevant} relevant)`);
  const options = { trees: 600, depth: 4 };
  const model = fitLambdaMart(
    `Relevance of a retrieved document to a claim, LambdaMART (${options.trees} trees of depth ${options.depth}) over ${RERANK_FEATURES.length} features of the document within the candidate pool (search score and rank, title, sentence and text coverage, pool BM25, proximity, similarity to the pool's best documents); trained by npm run train on the documents the pipeline retrieves for SciFact train claims, labelled by their cited abstracts (${groups.length} claims, ${documents} documents, ${relevant} relevant).`,
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
}
// The rationale model and then the confidence map are fitted on checks that use the weights just
// written: each runs in a fresh process, which loads them.
for (const step of ["rationale", "confidence"]) {
  execFileSync(process.execPath, ["--import", "tsx", `scripts/train/${step}.ts`, "--data-dir", dataDir], { stdio: "inherit" });
}
console.error(
  `trained in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${MODELS}/polarity.json, rerank.json, rationale.json and confidence.json`,
);
