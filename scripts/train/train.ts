// `npm run train`: learns the local analyst's small models from the TRAIN splits in
// ../shared/datasets and writes them to src/engines/local/models/: the document re-ranker
// (SciFact train) and the polarity model (SciFact and Check-COVID train rationales).
// Deterministic: same data, same weights.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { POLARITY_FEATURES } from "../../src/engines/local/polarity-features.js";
import { RERANK_FEATURES } from "../../src/engines/local/rerank-features.js";
import { Workspace } from "../../bench/quality/harness.js";
import { fitLogistic, type Example } from "./logistic-fit.js";
import { polarityExamples } from "./polarity-data.js";
import { rerankExamples } from "./rerank-data.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") } } });
const dataDir = path.resolve(values["data-dir"]!);
const MODELS = "src/engines/local/models";

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
  const data = await rerankExamples(dataDir, workspace);
  console.error(`rerank: ${data.length} examples (${counts(data)})`);
  const model = fitLogistic(
    `Relevance of a retrieved document to a claim, logistic regression over ${RERANK_FEATURES.length} features (search score and rank, title, sentence and text coverage); trained by npm run train on the documents the pipeline retrieves for SciFact train claims, labelled by their cited abstracts (${data.length} examples: ${counts(data)}).`,
    ["irrelevant", "relevant"],
    RERANK_FEATURES,
    data,
  );
  await writeFile(path.join(MODELS, "rerank.json"), JSON.stringify(model, null, 1) + "\n");
} finally {
  await workspace.dispose();
}
console.error(`trained in ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${MODELS}/polarity.json and rerank.json`);
