// `npm run train`, last step (run in its own process by train.ts, so that the checks below use the
// re-ranker, rationale and stance weights just written): fits the map from the local analyst's raw
// confidence to how often its verdicts are right, on SciFact train and Check-COVID train claims run
// through the pipeline, and writes src/analysts/local/models/confidence.json.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { VerdictLabel } from "../../src/domain/report.js";
import { judgeEvidence } from "../../src/analysts/local/judge.js";
import { rankPassages } from "../../src/analysts/local/rank.js";
import { openTrainingEncoder } from "../../bench/quality/embeddings.js";
import { Workspace } from "../../bench/quality/harness.js";
import { fitPlatt } from "./platt-fit.js";
import { readForClaim } from "./pipeline-run.js";
import { checkCovidTrain, scifactTrain } from "./train-sets.js";

interface Outcome {
  label: VerdictLabel;
  raw: number;
  right: boolean;
}

/** Each train claim's raw verdict beside its gold label (claims the intake splits in two are left out). */
async function outcomes(dataDir: string, workspace: Workspace): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const set of [await scifactTrain(dataDir), await checkCovidTrain(dataDir)]) {
    const verity = await workspace.libraryOf(`${set.name}-calibration`, set.documents, `confidence: ${set.name} library`);
    try {
      for (const claim of set.claims) {
        const { claims, documents } = await readForClaim(verity, claim.text);
        if (claims.length !== 1) continue;
        const { evidence } = await rankPassages(claims, documents, verity.encoder);
        const judged = (await judgeEvidence(claims, evidence, verity.encoder, { calibrate: false })).claims[0]!;
        out.push({ label: judged.label, raw: judged.confidence, right: judged.label === claim.verdict });
      }
    } finally {
      await verity.close();
    }
  }
  return out;
}

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") } } });
const shared = await openTrainingEncoder();
const workspace = await Workspace.create(shared.cache);
try {
  const all = await outcomes(path.resolve(values["data-dir"]!), workspace);
  const fit = (label: "supported" | "refuted") => {
    const mine = all.filter((o) => o.label === label);
    const right = mine.filter((o) => o.right).length;
    console.error(`confidence: ${mine.length} ${label} verdicts, ${right} right (${((100 * right) / mine.length).toFixed(1)}%)`);
    return {
      map: fitPlatt(
        mine.map((o) => o.raw),
        mine.map((o) => o.right),
        { balanced: false },
      ),
      count: mine.length,
      right,
    };
  };
  const supported = fit("supported");
  const refuted = fit("refuted");
  const model = {
    about:
      `How often the local analyst's supported and refuted verdicts are right, as a function of its raw confidence (Platt scaling per verdict); ` +
      `fitted by npm run train on SciFact train and Check-COVID train claims run through the pipeline ` +
      `(supported: ${supported.right} of ${supported.count} right; refuted: ${refuted.right} of ${refuted.count}).`,
    supported: supported.map,
    refuted: refuted.map,
  };
  await writeFile("src/analysts/local/models/confidence.json", JSON.stringify(model, null, 1) + "\n");
} finally {
  await workspace.dispose();
  await shared.close();
}
