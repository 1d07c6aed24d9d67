// Plain findings: 48 claims of our own, each checked against one passage that plainly supports or
// refutes it in the words news and abstracts use ("Large cohort studies found that coffee does not
// cause cancer.", "no association between", "failed to reduce"). Written before any model was
// measured on them and never trained on. A reader sees these mistakes at once, so the figure to
// watch is the count of passages given the wrong side: a report that calls coffee carcinogenic from
// a study that says it is not misleads, where an unverified one only disappoints.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { quantile, take, type Dataset } from "../dataset.js";
import { accuracy, accuracyInterval, round3 } from "../metrics.js";

export interface PlainPair {
  claim: string;
  passage: string;
  stance: "supports" | "refutes";
}

const PAIRS = fileURLToPath(new URL("./plain-findings.json", import.meta.url));
const VERDICT = { supports: "supported", refutes: "refuted" } as const;

/** The 48 pairs, read wherever they are measured: this benchmark, the stance model's card, its test. */
export async function loadPlainFindings(): Promise<PlainPair[]> {
  return (JSON.parse(await readFile(PAIRS, "utf8")) as { pairs: PlainPair[] }).pairs;
}

export const plainFindings: Dataset = {
  name: "plain-findings",
  async run({ limit, workspace, log }) {
    const chosen = take(await loadPlainFindings(), limit);
    const gold: string[] = [];
    const predicted: string[] = [];
    const ms: number[] = [];
    let wrongSide = 0;
    let sided = 0;
    const mistakes: string[] = [];
    for (const [i, pair] of chosen.entries()) {
      const docs = [{ id: `plain-${i}`, title: "Study findings", text: pair.passage }];
      const { report, ms: t } = await workspace.checkAgainst(`plain-${i}`, docs, pair.claim);
      ms.push(t);
      gold.push(VERDICT[pair.stance]);
      predicted.push(report.verdict.label);
      const stance = report.sources[0]?.stance ?? "neutral";
      if (stance !== "neutral") sided++;
      if (stance !== "neutral" && stance !== pair.stance) {
        wrongSide++;
        if (mistakes.length < 6) mistakes.push(`"${pair.claim}" ← "${pair.passage}" read as ${stance}`);
      }
    }
    log(`  plain findings: ${wrongSide} of ${chosen.length} passages on the wrong side`);
    return {
      dataset: "Plain findings",
      split: `${chosen.length} pairs of our own (bench/quality/datasets/plain-findings.json)`,
      task: "verdict from one passage that plainly supports or refutes the claim",
      claims: chosen.length,
      metrics: [
        { name: "verdict accuracy", value: round3(accuracy(gold, predicted)), anchors: [], interval: accuracyInterval(gold, predicted) },
        { name: "passages given a side", value: sided, anchors: [] },
        { name: "passages given the wrong side (count, lower is better)", value: wrongSide, anchors: [], target: 0, lowerIsBetter: true },
      ],
      labelMapping: "supports → supported, refutes → refuted; unverified counts as wrong for the accuracy.",
      checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
      notes: mistakes.length > 0 ? [`passages on the wrong side: ${mistakes.join("; ")}`] : [],
    };
  },
};
