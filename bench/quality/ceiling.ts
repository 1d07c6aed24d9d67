// `npm run bench:ceiling [-- --data-dir DIR]`
// How far could the local analyst's own signals go on the two sets where its targets are far off
// (LIAR-PLUS 2-way, Climate-FEVER), if their thresholds were tuned with the answers in hand?
// Each figure is an upper bound on tuning, not a method: it says whether more threshold sweeps can
// reach a target at all, or whether the signals themselves do not tell the classes apart.
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { STANCE_MODEL } from "../../src/analysts/local/models/index.js";
import { predictMlp } from "../../src/analysts/local/models/mlp.js";
import { rankPassages } from "../../src/analysts/local/rank.js";
import { stanceFeatures } from "../../src/analysts/local/stance-features.js";
import { openTrainingEncoder } from "./embeddings.js";
import { readDocumentsOf } from "./harness.js";
import { parseTsv } from "./datasets/liar-plus.js";
import { oracleThresholdAccuracy, rocAuc, round3 } from "./metrics.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") } } });
const dataDir = values["data-dir"]!;

/** What the judge reads of a claim's evidence, summed up per claim. */
interface Signals {
  /** The rationale model's bearing of the best passage: does any passage state the finding? */
  bestBearing: number;
  /** The stance model's chance that the best passage refutes, of refuting or supporting. */
  bestRefutes: number;
  /** The chance of refuting over all ranked passages, weighted by their bearing. */
  weightedRefutes: number;
}

const shared = await openTrainingEncoder();
const { encoder } = shared;

async function signalsOf(claimText: string, evidence: { title: string; text: string }[]): Promise<Signals> {
  const documents = readDocumentsOf(evidence);
  const { evidence: ranked } = await rankPassages([{ id: "c", text: claimText }], documents, encoder);
  const [claimVector, ...vectors] = await encoder.embed([claimText, ...ranked.map((e) => e.quote)]);
  const passages = ranked.map((e, i) => {
    const p = predictMlp(STANCE_MODEL, stanceFeatures(claimText, claimVector!, e.quote, vectors[i]!));
    return { bearing: e.bearing, refutes: p.refutes! / (p.refutes! + p.supports!) };
  });
  const totalBearing = passages.reduce((s, p) => s + p.bearing, 0);
  return {
    bestBearing: passages[0]?.bearing ?? 0,
    bestRefutes: passages[0]?.refutes ?? 0.5,
    weightedRefutes: totalBearing > 0 ? passages.reduce((s, p) => s + p.bearing * p.refutes, 0) / totalBearing : 0.5,
  };
}

/**
 * Words a fact-checker's ruling uses to contradict or to confirm, written down before looking at
 * the data (not learnt, not tuned): a test of whether the justifications' wording carries the
 * 2-way label at all, beyond what the polarity model reads.
 */
const CONTRADICTING = [
  "however",
  "but",
  "no evidence",
  "not",
  "n't",
  "no ",
  "actually",
  "in fact",
  "misleading",
  "exaggerat",
  "wrong",
  "incorrect",
  "inaccurate",
  "overstat",
  "ignores",
  "cherry",
  "distort",
  "unsupported",
  "no proof",
  "never",
  "contrary",
  "debunk",
  "fabricat",
  "baseless",
  "mislead",
];
const CONFIRMING = [
  "accurate",
  "correct",
  "right",
  "checks out",
  "check out",
  "confirmed",
  "indeed",
  "on target",
  "on the money",
  "supported by",
  "backs up",
  "holds up",
  "verified",
  "consistent with",
];

function rulingContradiction(justification: string): number {
  const text = ` ${justification.toLowerCase()} `;
  const count = (cues: string[]) => cues.reduce((n, cue) => n + text.split(cue).length - 1, 0);
  return (count(CONTRADICTING) - 2 * count(CONFIRMING)) / Math.sqrt(text.split(/\s+/).length);
}

function row(name: string, scores: number[], positive: boolean[]): string {
  const auc = rocAuc(
    scores.filter((_, i) => positive[i]),
    scores.filter((_, i) => !positive[i]),
  );
  return `| ${name} | ${round3(auc)} | ${round3(oracleThresholdAccuracy(scores, positive).accuracy)} |`;
}

const lines: string[] = [
  `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}.`,
  "",
];

// LIAR-PLUS val: the 2-way label (false side = barely-true, false, pants-fire) against each signal.
const FALSE_SIDE = new Set(["barely-true", "false", "pants-fire"]);
const liar: { falseSide: boolean; justification: string; signals: Signals }[] = [];
for (const cols of parseTsv(await readFile(path.join(dataDir, "liar-plus/val2.tsv"), "utf8"))) {
  if (cols.length < 16 || (cols[15] ?? "").trim().length === 0) continue;
  liar.push({
    falseSide: FALSE_SIDE.has(cols[2]!),
    justification: cols[15]!,
    signals: await signalsOf(cols[3]!, [{ title: "ruling", text: cols[15]! }]),
  });
}
const falseSide = liar.map((c) => c.falseSide);
lines.push(
  `LIAR-PLUS val, ${liar.length} statements; 2-way target 0.70, always true-side ${round3(1 - falseSide.filter(Boolean).length / liar.length)}.`,
  "",
  "| signal (higher = false side) | ROC AUC | best 2-way accuracy of any threshold |",
  "|---|---|---|",
  row(
    "stance: best passage refutes",
    liar.map((c) => c.signals.bestRefutes),
    falseSide,
  ),
  row(
    "stance: bearing-weighted refutes",
    liar.map((c) => c.signals.weightedRefutes),
    falseSide,
  ),
  row(
    "rationale: low best bearing",
    liar.map((c) => -c.signals.bestBearing),
    falseSide,
  ),
  row(
    "ruling words: contradicting minus confirming",
    liar.map((c) => rulingContradiction(c.justification)),
    falseSide,
  ),
  "",
);

// Climate-FEVER: decide when the best bearing clears a bar, refute when the weighted chance does.
const climate: { label: string; signals: Signals }[] = [];
for (const line of (await readFile(path.join(dataDir, "climate-fever/climate-fever.jsonl"), "utf8")).split("\n").filter(Boolean)) {
  const c = JSON.parse(line) as { claim: string; claim_label: string; evidences: { article: string; evidence: string }[] };
  climate.push({
    label: c.claim_label,
    signals: await signalsOf(
      c.claim,
      c.evidences.map((e) => ({ title: e.article, text: e.evidence })),
    ),
  });
}
const labelled = (label: string, pick: (s: Signals) => number) => climate.filter((c) => c.label === label).map((c) => pick(c.signals));
let best = { accuracy: 0, bearing: 0, refutes: 0 };
for (const bearing of [0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.01]) {
  for (const refutes of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01]) {
    const verdict = (s: Signals) => (s.bestBearing < bearing ? "NOT_ENOUGH_INFO" : s.weightedRefutes >= refutes ? "REFUTES" : "SUPPORTS");
    const accuracy = climate.filter((c) => verdict(c.signals) === c.label).length / climate.length;
    if (accuracy > best.accuracy) best = { accuracy, bearing, refutes };
  }
}
lines.push(
  `Climate-FEVER, ${climate.length} claims; target 0.50, always SUPPORTS ${round3(labelled("SUPPORTS", () => 1).length / climate.length)}.`,
  "",
  "| signal | ROC AUC, SUPPORTS vs NOT_ENOUGH_INFO | ROC AUC, REFUTES vs SUPPORTS |",
  "|---|---|---|",
  ...(
    [
      ["best bearing", (s: Signals) => s.bestBearing],
      ["bearing-weighted refutes", (s: Signals) => s.weightedRefutes],
    ] as const
  ).map(
    ([name, pick]) =>
      `| ${name} | ${round3(rocAuc(labelled("SUPPORTS", pick), labelled("NOT_ENOUGH_INFO", pick)))} | ${round3(rocAuc(labelled("REFUTES", pick), labelled("SUPPORTS", pick)))} |`,
  ),
  "",
  `Best 3-way accuracy of any pair of thresholds (a verdict when the best bearing >= a; refuted when the weighted chance >= b): ` +
    `${round3(best.accuracy)} at a = ${best.bearing}, b = ${best.refutes}.`,
);
console.log(lines.join("\n"));
await shared.close();
