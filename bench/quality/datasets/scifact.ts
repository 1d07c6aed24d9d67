// SciFact (dev): open retrieval over the 5,183-abstract corpus, then verdicts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Stance, VerdictLabel } from "../../../src/domain/report.js";
import { check, libraryId, type LibraryDoc } from "../harness.js";
import { quantile, take, type Dataset } from "../dataset.js";
import {
  accuracy,
  accuracyInterval,
  bootstrapInterval,
  confusion,
  macroF1,
  majorityAnchor,
  mean,
  ndcgAt,
  recallAt,
  round3,
} from "../metrics.js";
import { Calibration } from "../calibration.js";

export interface ScifactClaim {
  id: number;
  claim: string;
  evidence: Record<string, { sentences: number[]; label: "SUPPORT" | "CONTRADICT" }[]>;
  cited_doc_ids: number[];
}

async function jsonLinesOf<T>(file: string): Promise<T[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

/** The SciFact corpus as library documents (ids "sf-‹doc_id›"), without the abstracts in `withheld`. */
export async function scifactLibrary(dataDir: string, withheld: Set<number> = new Set()): Promise<LibraryDoc[]> {
  const corpus = await jsonLinesOf<{ doc_id: number; title: string; abstract: string[] }>(path.join(dataDir, "scifact/corpus.jsonl"));
  return corpus.filter((d) => !withheld.has(d.doc_id)).map((d) => ({ id: `sf-${d.doc_id}`, title: d.title, sentences: d.abstract }));
}

export function scifactDevClaims(dataDir: string): Promise<ScifactClaim[]> {
  return jsonLinesOf<ScifactClaim>(path.join(dataDir, "scifact/claims_dev.jsonl"));
}

const CLAIM_LABEL: Record<VerdictLabel, string> = {
  supported: "SUPPORT",
  refuted: "CONTRADICT",
  misleading: "NEI",
  conflicting: "NEI",
  unverified: "NEI",
};

export const LABEL_MAPPING =
  "Claim level: supported → SUPPORT, refuted → CONTRADICT, misleading / conflicting / unverified → NOT ENOUGH INFO. " +
  "Abstract level: when the verdict is supported, each cited source with stance supports → (abstract, SUPPORT); when refuted, each source with stance refutes → (abstract, CONTRADICT); otherwise nothing; at most 3 abstracts per claim, as in the SciFact evaluation.";

export const scifact: Dataset = {
  name: "scifact",
  async run({ dataDir, limit, workspace, log }) {
    const verity = await workspace.libraryOf("scifact", await scifactLibrary(dataDir));
    const claims = take(await scifactDevClaims(dataDir), limit);

    const ndcg: number[] = [],
      recall: number[] = [],
      ndcgEvidence: number[] = [],
      ms: number[] = [];
    const gold: string[] = [],
      predicted: string[] = [];
    const calibration = new Calibration();
    const pairs: PairCounts[] = [];
    for (const [i, c] of claims.entries()) {
      const { report, ms: t } = await check(verity, c.claim);
      ms.push(t);
      const goldDocs = new Map(Object.entries(c.evidence).map(([doc, rs]) => [`sf-${doc}`, rs[0]!.label]));
      const ranked = report.provenance.considered.map((d) => libraryId(d.url));
      // BEIR's qrels for SciFact are the claim's cited abstracts (every claim has some).
      const cited = new Set(c.cited_doc_ids.map((d) => `sf-${d}`));
      ndcg.push(ndcgAt(ranked, cited, 10));
      recall.push(recallAt(ranked, cited, 10));
      if (goldDocs.size > 0) ndcgEvidence.push(ndcgAt(ranked, new Set(goldDocs.keys()), 10));
      // Abstract level, label only: the report's own conclusion.
      pairs.push(
        abstractPairs(
          report.verdict.label,
          report.sources.map((s) => ({ id: libraryId(s.url), stance: s.stance })),
          goldDocs,
        ),
      );
      // Claim level.
      const labels = [...goldDocs.values()];
      gold.push(labels.length === 0 ? "NEI" : labels.filter((l) => l === "SUPPORT").length >= labels.length / 2 ? "SUPPORT" : "CONTRADICT");
      predicted.push(CLAIM_LABEL[report.verdict.label]);
      calibration.add(report, gold.at(-1) === predicted.at(-1));
      if ((i + 1) % 50 === 0) log(`  scifact ${i + 1}/${claims.length}`);
    }
    await verity.close();
    const { precision, recall: rec, f1 } = abstractLevel(pairs);
    const labels = ["SUPPORT", "CONTRADICT", "NEI"];
    return {
      dataset: "SciFact",
      split: "dev",
      task: "open retrieval over the 5,183-abstract corpus, then verdict",
      claims: claims.length,
      metrics: [
        {
          name: "nDCG@10",
          value: round3(mean(ndcg)),
          anchors: ["BM25 0.665 (BEIR)", "BM25 + cross-encoder 0.688 (BEIR)"],
          target: 0.74,
          interval: bootstrapInterval(ndcg, mean),
        },
        { name: "Recall@10", value: round3(mean(recall)), anchors: [] },
        { name: "nDCG@10, rationale abstracts only", value: round3(mean(ndcgEvidence)), anchors: [] },
        {
          name: "abstract-level label-only F1",
          value: round3(f1),
          anchors: ["MultiVerS 0.725 (test)", "BEVERS 0.732 (test)"],
          target: 0.6,
          interval: bootstrapInterval(pairs, (sample) => abstractLevel(sample).f1),
        },
        { name: "abstract-level precision", value: round3(precision), anchors: [] },
        { name: "abstract-level recall", value: round3(rec), anchors: [] },
        {
          name: "claim-level accuracy (3-way)",
          value: round3(accuracy(gold, predicted)),
          anchors: [majorityAnchor(gold)],
          interval: accuracyInterval(gold, predicted),
        },
        { name: "claim-level macro-F1 (3-way)", value: round3(macroF1(gold, predicted, labels)), anchors: [] },
        ...calibration.metrics(),
      ],
      labelMapping: LABEL_MAPPING,
      confusion: confusion(gold, predicted),
      checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
      notes: [
        "retrieval as in BEIR: relevant = the claim's cited abstracts, all claims; the second nDCG counts only abstracts with rationales, on the " +
          `${ndcgEvidence.length} claims that have them`,
      ],
    };
  },
};

/** One claim's (abstract, label) pairs: predicted, gold, and predicted right. */
/**
 * One claim's abstract-level pairs: the sources that side with the verdict (none when it has none), at most 3
 * as in the SciFact evaluation, against the gold rationale abstracts and their labels.
 */
export function abstractPairs(verdict: VerdictLabel, sources: { id: string; stance: Stance }[], goldDocs: Map<string, string>): PairCounts {
  const siding = verdict === "supported" ? "supports" : verdict === "refuted" ? "refutes" : null;
  const predictions = sources.filter((s) => s.stance === siding).slice(0, 3);
  return {
    predicted: predictions.length,
    gold: goldDocs.size,
    correct: predictions.filter((s) => goldDocs.get(s.id) === (s.stance === "supports" ? "SUPPORT" : "CONTRADICT")).length,
  };
}

export interface PairCounts {
  predicted: number;
  gold: number;
  correct: number;
}

/** SciFact's abstract-level label-only precision, recall and F1, pooled over the claims. */
export function abstractLevel(pairs: PairCounts[]): { precision: number; recall: number; f1: number } {
  const sum = (key: keyof PairCounts) => pairs.reduce((s, p) => s + p[key], 0);
  const correct = sum("correct"),
    predicted = sum("predicted"),
    gold = sum("gold");
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
