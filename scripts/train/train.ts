// `npm run train`: learns the local analyst's small models from the TRAIN splits and training sets in
// ../shared/datasets and writes them to src/analysts/local/models/: the document re-ranker
// (scripts/train/rerank.ts: SciFact train, boosted trees), the rationale model (rationale.ts), the
// stance model (stance.ts, with its model card STANCE.md) and the confidence map (confidence.ts).
// Each runs in a fresh process, which loads the weights the steps before it wrote. Every text is
// embedded by the shipped sentence encoder once and cached in .cache/ (VERITY_CACHE_DIR): a first
// run spends most of its time there. Deterministic: same data, same weights.
//   npm run train [-- --data-dir DIR] [-- --steps rationale,confidence]
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

const STEPS = ["rerank", "rationale", "stance", "confidence"];
const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: path.resolve("../shared/datasets") },
    steps: { type: "string", default: STEPS.join(",") },
  },
});
const dataDir = path.resolve(values["data-dir"]!);
const steps = values.steps!.split(",").map((s) => s.trim());
const unknown = steps.filter((s) => !STEPS.includes(s));
if (unknown.length > 0) {
  console.error(`unknown step ${unknown.join(", ")} (the steps: ${STEPS.join(", ")})`);
  process.exit(2);
}
const started = performance.now();
for (const step of STEPS.filter((s) => steps.includes(s))) {
  execFileSync(process.execPath, ["--import", "tsx", `scripts/train/${step}.ts`, "--data-dir", dataDir], { stdio: "inherit" });
}
console.error(`trained ${steps.join(", ")} in ${((performance.now() - started) / 1000).toFixed(0)} s (src/analysts/local/models)`);
