// `npm run bench:tune [-- --data-dir DIR]`: sweeps the local analyst's relevance gate and judge
// thresholds on the DEV splits (SciFact dev, Check-COVID dev, Climate-FEVER) and the off-topic
// questions, and prints each setting's figures. Each claim is read once (intake, plan, gather, read,
// rank, all as in a check); only the gate and the judge run again per setting, so a sweep takes
// minutes. It chooses nothing: the constants in judge.ts and rank.ts are set by hand from its table.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { newAnalystContext } from "../../src/analysts/analyst.js";
import { judgeEvidence, JUDGE_SETTINGS, type JudgeSettings } from "../../src/analysts/local/judge.js";
import { rankPassages } from "../../src/analysts/local/rank.js";
import type { Evidence, ReadDocument } from "../../src/domain/analysis.js";
import { acceptInput } from "../../src/domain/input.js";
import type { Claim } from "../../src/domain/report.js";
import { collect } from "../../src/pipeline/runner.js";
import { numberSources } from "../../src/pipeline/write.js";
import type { Verity } from "../../src/service/verity.js";
import { createProviders } from "../../src/sources/registry.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";
import { OFF_TOPIC_QUESTIONS } from "./datasets/off-topic.js";
import { abstractLevel, abstractPairs, type PairCounts } from "./datasets/scifact.js";
import { openTrainingEncoder } from "./embeddings.js";
import { libraryId, readDocumentsOf, Workspace } from "./harness.js";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: path.resolve("../shared/datasets") },
    gates: { type: "string", default: "0.4,0.45,0.5,0.55" },
    "near-ties": { type: "string", default: "0.8,0.9,1" },
    "side-margins": { type: "string", default: "-0.4,-0.2,0" },
    "refute-weights": { type: "string", default: "0.5,0.75,1" },
    "min-certainties": { type: "string", default: String(JUDGE_SETTINGS.minCertainty) },
    "min-bearings": { type: "string", default: String(JUDGE_SETTINGS.minBearing) },
    "full-bearings": { type: "string", default: String(JUDGE_SETTINGS.fullBearing) },
    "min-document-relevances": { type: "string", default: String(JUDGE_SETTINGS.minDocumentRelevance) },
  },
});
const grid = (name: keyof typeof values) => String(values[name]).split(",").map(Number);
const dataDir = path.resolve(values["data-dir"]!);
const lines = async (file: string) =>
  (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

interface Case {
  claims: Claim[];
  documents: ReadDocument[];
  evidence: Evidence[];
  gold: string;
  /** SciFact: gold (abstract, label) pairs. */
  goldDocs?: Map<string, string>;
}

const shared = await openTrainingEncoder();
const { encoder } = shared;
const workspace = await Workspace.create(shared.cache);

async function readCases(verity: Verity, items: { claim: string; gold: string; goldDocs?: Map<string, string> }[]): Promise<Case[]> {
  const deps = {
    analyst: verity.analyst,
    providers: createProviders(["library"], verity.store),
    texts: new SourceTextRepository(verity.store),
  };
  const out: Case[] = [];
  for (const item of items) {
    const collected = await collect(acceptInput(item.claim).text, deps, newAnalystContext());
    const claims = collected.intake.claims;
    const documents = collected.read.documents;
    const { evidence } = await rankPassages(claims, documents, verity.encoder, { minSimilarity: -1 });
    out.push({ claims, documents, evidence, gold: item.gold, goldDocs: item.goldDocs });
  }
  return out;
}

const scifactCorpus = await lines(path.join(dataDir, "scifact/corpus.jsonl"));
const scifactLibrary = await workspace.libraryOf(
  "tune-scifact",
  scifactCorpus.map((d: { doc_id: number; title: string; abstract: string[] }) => ({
    id: `sf-${d.doc_id}`,
    title: d.title,
    sentences: d.abstract,
  })),
);
const scifact = await readCases(
  scifactLibrary,
  (await lines(path.join(dataDir, "scifact/claims_dev.jsonl"))).map(
    (c: { claim: string; evidence: Record<string, { label: string }[]> }) => {
      const goldDocs = new Map(Object.entries(c.evidence).map(([doc, rs]) => [`sf-${doc}`, rs[0]!.label]));
      const labels = [...goldDocs.values()];
      const gold =
        labels.length === 0 ? "NEI" : labels.filter((l) => l === "SUPPORT").length >= labels.length / 2 ? "SUPPORT" : "CONTRADICT";
      return { claim: c.claim, gold, goldDocs };
    },
  ),
);
// The near misses: SciFact dev's claims that cite abstracts, read with those abstracts withheld (the
// library holds studies on the topic, but not the ones that answer the claim).
const nearMiss: Case[] = [];
for (const c of scifact) {
  if (c.goldDocs!.size === 0) continue;
  const documents = c.documents.filter((d) => !c.goldDocs!.has(libraryId(d.url)));
  const { evidence } = await rankPassages(c.claims, documents, encoder, { minSimilarity: -1 });
  nearMiss.push({ claims: c.claims, documents, evidence, gold: "NEI" });
}
const offTopic = await readCases(
  scifactLibrary,
  OFF_TOPIC_QUESTIONS.map((q) => ({ claim: q, gold: "NEI" })),
);
const analyst = scifactLibrary.analyst;
const ccCorpus = await lines(path.join(dataDir, "check-covid/corpus.json"));
const ccLibrary = await workspace.libraryOf(
  "tune-check-covid",
  ccCorpus.map((d: { cord_id: string; title: string; abstract: string[] }) => ({
    id: `cc-${d.cord_id}`,
    title: d.title,
    sentences: d.abstract,
  })),
);
const checkCovid = await readCases(
  ccLibrary,
  (await lines(path.join(dataDir, "check-covid/dev/covidCheck_dev_composed+extracted.json")))
    .filter((c: { label: string }) => c.label !== "NOTENOUGHINFO")
    .map((c: { claim: string; label: string }) => ({ claim: c.claim, gold: c.label })),
);
await ccLibrary.close();
// Climate-FEVER: each claim's five sentences are its documents (as its benchmark's libraries hold them).
const climate: Case[] = [];
for (const c of await lines(path.join(dataDir, "climate-fever/climate-fever.jsonl"))) {
  const claims: Claim[] = (await analyst.intake(c.claim, newAnalystContext())).claims;
  const documents = readDocumentsOf(
    (c.evidences as { article: string; evidence: string }[]).map((e) => ({ title: e.article, text: e.evidence })),
    "library:jsonl:",
  );
  const { evidence } = await rankPassages(claims, documents, encoder, { minSimilarity: -1 });
  climate.push({ claims, documents, evidence, gold: c.claim_label });
}
await scifactLibrary.close();

const LABELS = {
  scifact: { supported: "SUPPORT", refuted: "CONTRADICT" } as Record<string, string>,
  checkCovid: { supported: "SUPPORT", refuted: "REFUTE" } as Record<string, string>,
  climate: {
    supported: "SUPPORTS",
    refuted: "REFUTES",
    unverified: "NOT_ENOUGH_INFO",
    conflicting: "DISPUTED",
    misleading: "DISPUTED",
  } as Record<string, string>,
};

async function judgeCase(c: Case, gate: number, settings: JudgeSettings) {
  const evidence = c.evidence.filter((e) => (e.similarity ?? 0) >= gate);
  const judgement = await judgeEvidence(c.claims, evidence, encoder, { settings });
  return { judgement, evidence };
}

async function score(gate: number, settings: JudgeSettings) {
  let sfRight = 0;
  const pairs: PairCounts[] = [];
  let unverified = 0;
  for (const c of scifact) {
    const { judgement, evidence } = await judgeCase(c, gate, settings);
    const label = judgement.overall.label;
    if (label === "unverified") unverified++;
    if ((LABELS.scifact[label] ?? "NEI") === c.gold) sfRight++;
    const sources = numberSources(c.documents, evidence, judgement).map((s) => ({ id: libraryId(s.document.url), stance: s.stance }));
    pairs.push(abstractPairs(label, sources, c.goldDocs!));
  }
  const { precision: p, recall: r, f1 } = abstractLevel(pairs);
  let ccRight = 0;
  for (const c of checkCovid)
    if ((LABELS.checkCovid[(await judgeCase(c, gate, settings)).judgement.overall.label] ?? "NEI") === c.gold) ccRight++;
  let cfRight = 0;
  for (const c of climate) if (LABELS.climate[(await judgeCase(c, gate, settings)).judgement.overall.label] === c.gold) cfRight++;
  let citing = 0;
  let siding = 0;
  for (const c of offTopic) {
    const { judgement, evidence } = await judgeCase(c, gate, settings);
    const sources = numberSources(c.documents, evidence, judgement);
    if (sources.length > 0) citing++;
    siding += sources.filter((s) => s.stance !== "neutral").length;
  }
  let nearVerdicts = 0;
  let nearSiding = 0;
  for (const c of nearMiss) {
    const { judgement, evidence } = await judgeCase(c, gate, settings);
    if (judgement.overall.label !== "unverified") nearVerdicts++;
    nearSiding += numberSources(c.documents, evidence, judgement).filter((s) => s.stance !== "neutral").length;
  }
  return {
    nearVerdicts,
    nearSiding,
    sfF1: f1,
    sfP: p,
    sfR: r,
    sfUnverified: unverified,
    sfAcc: sfRight / scifact.length,
    cc: ccRight / checkCovid.length,
    cf: cfRight / climate.length,
    offCiting: citing,
    offSiding: siding,
  };
}

const f = (x: number) => x.toFixed(3);
console.log(
  `| gate | minBearing | fullBearing | minDocRel | nearTie | sideMargin | refuteWeight | minCertainty | SciFact F1 | SciFact acc | Check-COVID acc | Climate-FEVER acc | off-topic citing / siding | near misses (${nearMiss.length}): verdicts / siding |`,
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
/** The swept judge settings in the table's column order: each command-line grid and the setting it sets. */
const SWEPT = [
  ["min-bearings", "minBearing"],
  ["full-bearings", "fullBearing"],
  ["min-document-relevances", "minDocumentRelevance"],
  ["near-ties", "nearTie"],
  ["side-margins", "sideMargin"],
  ["refute-weights", "refuteWeight"],
  ["min-certainties", "minCertainty"],
] as const;
// Every combination of the grids, the first varying slowest.
const combinations = SWEPT.reduce<JudgeSettings[]>(
  (partial, [option, key]) => partial.flatMap((settings) => grid(option).map((value) => ({ ...settings, [key]: value }))),
  [JUDGE_SETTINGS],
);
for (const gate of grid("gates"))
  for (const settings of combinations) {
    const s = await score(gate, settings);
    console.log(
      `| ${gate} | ${SWEPT.map(([, key]) => settings[key]).join(" | ")} | ${f(s.sfF1)} (P ${f(s.sfP)} R ${f(s.sfR)}, unverified ${s.sfUnverified}) | ${f(s.sfAcc)} | ${f(s.cc)} | ${f(s.cf)} | ${s.offCiting} / ${s.offSiding} | ${s.nearVerdicts} / ${s.nearSiding} |`,
    );
  }
await workspace.dispose();
await shared.close();
