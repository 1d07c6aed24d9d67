// Check-COVID (dev): retrieval over its 347-abstract corpus, then the verdict.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { VerdictLabel } from "../../../src/domain/report.js";
import { check, libraryId } from "../harness.js";
import { quantile, take, type Dataset } from "../dataset.js";
import { accuracy, accuracyInterval, bootstrapInterval, confusion, macroF1, majorityAnchor, mean, recallAt, round3 } from "../metrics.js";
import { Calibration } from "../calibration.js";

const LABEL: Record<VerdictLabel, string> = {
  supported: "SUPPORT",
  refuted: "REFUTE",
  unverified: "NOTENOUGHINFO",
  conflicting: "NOTENOUGHINFO",
  misleading: "NOTENOUGHINFO",
};

export const checkCovid: Dataset = {
  name: "check-covid",
  async run({ dataDir, limit, workspace, log }) {
    const dir = path.join(dataDir, "check-covid");
    const corpus = (await readFile(path.join(dir, "corpus.json"), "utf8"))
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
    const verity = await workspace.libraryOf(
      "check-covid",
      corpus.map((d: { cord_id: string; title: string; abstract: string[] }) => ({
        id: `cc-${d.cord_id}`,
        title: d.title,
        sentences: d.abstract,
      })),
    );
    const all = (await readFile(path.join(dir, "dev/covidCheck_dev_composed+extracted.json"), "utf8"))
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { claim: string; cord_id: string; label: string });
    // NOTENOUGHINFO is defined against given sentences, not the whole abstract: dropped in the open setting (SOURCE.md).
    const claims = take(
      all.filter((c) => c.label !== "NOTENOUGHINFO"),
      limit,
    );
    const recall3: number[] = [],
      gold: string[] = [],
      predicted: string[] = [],
      ms: number[] = [];
    const calibration = new Calibration();
    for (const [i, c] of claims.entries()) {
      const { report, ms: t } = await check(verity, c.claim);
      ms.push(t);
      recall3.push(
        recallAt(
          report.provenance.considered.map((d) => libraryId(d.url)),
          new Set([`cc-${c.cord_id}`]),
          3,
        ),
      );
      gold.push(c.label);
      predicted.push(LABEL[report.verdict.label]);
      calibration.add(report, gold.at(-1) === predicted.at(-1));
      if ((i + 1) % 50 === 0) log(`  check-covid ${i + 1}/${claims.length}`);
    }
    await verity.close();
    return {
      dataset: "Check-COVID",
      split: "dev (composed + extracted)",
      task: "retrieval over its 347-abstract corpus, then verdict (SUPPORT / REFUTE claims)",
      claims: claims.length,
      metrics: [
        { name: "Recall@3", value: round3(mean(recall3)), anchors: [], interval: bootstrapInterval(recall3, mean) },
        {
          name: "accuracy",
          target: 0.6,
          value: round3(accuracy(gold, predicted)),
          anchors: [majorityAnchor(gold)],
          interval: accuracyInterval(gold, predicted),
        },
        { name: "macro-F1 (SUPPORT, REFUTE)", value: round3(macroF1(gold, predicted, ["SUPPORT", "REFUTE"])), anchors: [] },
        ...calibration.metrics(),
      ],
      labelMapping:
        "supported → SUPPORT, refuted → REFUTE, anything else → NOTENOUGHINFO (always wrong here: NEI claims are dropped in the open setting).",
      confusion: confusion(gold, predicted),
      checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
      notes: [`${all.length - claims.length} NOTENOUGHINFO claims dropped (their label holds only for the given sentences)`],
    };
  },
};
