// AVeriTeC (dev): the verdict from the claim's question-answer evidence. The justification
// field is never used: it gives the answer away.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { VerdictLabel } from "../../../src/domain/report.js";
import { quantile, take, type Dataset } from "../dataset.js";
import { Calibration } from "../calibration.js";
import { accuracy, accuracyInterval, confusion, macroF1, majorityAnchor, round3 } from "../metrics.js";

const LABEL: Record<VerdictLabel, string> = {
  supported: "Supported",
  refuted: "Refuted",
  unverified: "Not Enough Evidence",
  conflicting: "Conflicting Evidence/Cherrypicking",
  misleading: "Conflicting Evidence/Cherrypicking",
};

interface Qa {
  question: string;
  answers: { answer: string; answer_type: string; boolean_explanation?: string; source_url?: string }[];
}

export const averitec: Dataset = {
  name: "averitec",
  async run({ dataDir, limit, workspace, log }) {
    const all = JSON.parse(await readFile(path.join(dataDir, "averitec/dev.json"), "utf8"));
    const claims = take(all as { claim: string; label: string; questions: Qa[] }[], limit);
    const gold: string[] = [],
      predicted: string[] = [],
      ms: number[] = [];
    const calibration = new Calibration();
    for (const [i, c] of claims.entries()) {
      const docs = c.questions
        .flatMap((q, qi) =>
          q.answers.map((a, ai) => ({
            id: `q${qi}a${ai}`,
            title: q.question,
            text: [a.answer, a.boolean_explanation].filter(Boolean).join(". "),
            ...(a.source_url && /^https?:/.test(a.source_url) ? { url: a.source_url } : {}),
          })),
        )
        .filter((d) => d.text.trim().length > 0);
      const { report, ms: t } = await workspace.checkAgainst(`avt-${i}`, docs, c.claim);
      ms.push(t);
      gold.push(c.label);
      predicted.push(LABEL[report.verdict.label]);
      calibration.add(report, gold.at(-1) === predicted.at(-1));
      if ((i + 1) % 100 === 0) log(`  averitec ${i + 1}/${claims.length}`);
    }
    return {
      dataset: "AVeriTeC",
      split: "dev",
      task: "verdict from the claim's question-answer evidence (never the justification)",
      claims: claims.length,
      metrics: [
        {
          name: "accuracy (4-way)",
          value: round3(accuracy(gold, predicted)),
          anchors: [majorityAnchor(gold)],
          interval: accuracyInterval(gold, predicted),
        },
        {
          name: "macro-F1 (4-way)",
          target: 0.35,
          value: round3(
            macroF1(
              gold,
              predicted,
              Object.values(LABEL).filter((v, j, a) => a.indexOf(v) === j),
            ),
          ),
          anchors: [],
        },
        ...calibration.metrics(),
      ],
      labelMapping:
        "supported → Supported, refuted → Refuted, unverified → Not Enough Evidence, conflicting and misleading → Conflicting Evidence/Cherrypicking.",
      confusion: confusion(gold, predicted),
      checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
      notes: ["each answer (with its boolean explanation) is a document titled with its question; the answer's source URL is kept"],
    };
  },
};
