// Climate-FEVER: the verdict from the claim's own five evidence sentences.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { VerdictLabel } from "../../../src/domain/report.js";
import { quantile, take, type Dataset } from "../dataset.js";
import { Calibration } from "../calibration.js";
import { accuracy, accuracyInterval, confusion, macroF1, majorityAnchor, round3 } from "../metrics.js";

const LABEL: Record<VerdictLabel, string> = {
  supported: "SUPPORTS",
  refuted: "REFUTES",
  unverified: "NOT_ENOUGH_INFO",
  conflicting: "DISPUTED",
  misleading: "DISPUTED",
};

export const climateFever: Dataset = {
  name: "climate-fever",
  async run({ dataDir, limit, workspace, log }) {
    const lines = (await readFile(path.join(dataDir, "climate-fever/climate-fever.jsonl"), "utf8")).split("\n").filter(Boolean);
    const claims = take(
      lines.map((l) => JSON.parse(l)),
      limit,
    );
    const gold: string[] = [],
      predicted: string[] = [],
      ms: number[] = [];
    const calibration = new Calibration();
    for (const [i, c] of claims.entries()) {
      const docs = (c.evidences as { evidence_id: string; article: string; evidence: string }[]).map((e, j) => ({
        id: `${j}-${e.evidence_id}`,
        title: e.article,
        text: e.evidence,
      }));
      const { report, ms: t } = await workspace.checkAgainst(`cf-${c.claim_id}`, docs, c.claim);
      ms.push(t);
      gold.push(c.claim_label);
      predicted.push(LABEL[report.verdict.label]);
      calibration.add(report, gold.at(-1) === predicted.at(-1));
      if ((i + 1) % 200 === 0) log(`  climate-fever ${i + 1}/${claims.length}`);
    }
    return {
      dataset: "Climate-FEVER",
      split: "all (single evaluation set)",
      task: "verdict from the claim's own five evidence sentences",
      claims: claims.length,
      metrics: [
        {
          name: "accuracy (4-way)",
          value: round3(accuracy(gold, predicted)),
          anchors: ["0.388 (dataset paper's baseline)", majorityAnchor(gold)],
          target: 0.5,
          interval: accuracyInterval(gold, predicted),
        },
        {
          name: "macro-F1 (4-way)",
          value: round3(macroF1(gold, predicted, ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED"])),
          anchors: [],
        },
        ...calibration.metrics(),
      ],
      labelMapping: "supported → SUPPORTS, refuted → REFUTES, unverified → NOT_ENOUGH_INFO, conflicting and misleading → DISPUTED.",
      confusion: confusion(gold, predicted),
      checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
      notes: ["each claim's five evidence sentences (titled with their Wikipedia article) are its whole library"],
    };
  },
};
