// LIAR-PLUS (val): the verdict from the statement and its extracted justification as evidence.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Report } from "../../../src/domain/report.js";
import { quantile, take, type Dataset } from "../dataset.js";
import { accuracy, accuracyInterval, confusion, macroF1, majorityAnchor, round3 } from "../metrics.js";

const SIX = ["pants-fire", "false", "barely-true", "half-true", "mostly-true", "true"];
const TRUE_SIDE = new Set(["true", "mostly-true", "half-true"]);

/** Verity's verdict and confidence on PolitiFact's Truth-O-Meter (a verdict likely right 7 times in 10 or more takes the extreme). */
export function truthOMeter(report: Report): string {
  const { label, confidence } = report.verdict;
  switch (label) {
    case "supported":
      return confidence >= 0.7 ? "true" : "mostly-true";
    case "refuted":
      return confidence >= 0.7 ? "false" : "barely-true";
    case "misleading":
      return "half-true";
    case "conflicting":
      return "half-true";
    case "unverified":
      return "half-true";
  }
}

export const liarPlus: Dataset = {
  name: "liar-plus",
  async run({ dataDir, limit, workspace, log }) {
    const rows = parseTsv(await readFile(path.join(dataDir, "liar-plus/val2.tsv"), "utf8")).filter(
      (cols) => cols.length >= 16 && (cols[15] ?? "").trim().length > 0,
    );
    const claims = take(rows, limit);
    const gold: string[] = [],
      predicted: string[] = [],
      ms: number[] = [];
    for (const [i, cols] of claims.entries()) {
      const [, id, label, statement, , speaker] = cols as string[];
      const docs = [{ id: `ruling-${id}`, title: `PolitiFact ruling on a statement by ${speaker}`, text: cols[15]!.trim() }];
      const { report, ms: t } = await workspace.checkAgainst(`liar-${i}`, docs, statement!);
      ms.push(t);
      gold.push(label!);
      predicted.push(truthOMeter(report));
      if ((i + 1) % 200 === 0) log(`  liar-plus ${i + 1}/${claims.length}`);
    }
    const two = (xs: string[]) => xs.map((x) => (TRUE_SIDE.has(x) ? "true-side" : "false-side"));
    return {
      dataset: "LIAR-PLUS",
      split: "val",
      task: "verdict from the statement and its justification text as evidence",
      claims: claims.length,
      metrics: [
        {
          name: "6-way accuracy",
          value: round3(accuracy(gold, predicted)),
          anchors: ["0.27 without evidence (LIAR paper)", majorityAnchor(gold)],
          interval: accuracyInterval(gold, predicted),
        },
        { name: "6-way macro-F1", value: round3(macroF1(gold, predicted, SIX)), anchors: [] },
        {
          name: "2-way accuracy",
          value: round3(accuracy(two(gold), two(predicted))),
          anchors: ["LIAR-PLUS paper reports gains from justifications", majorityAnchor(two(gold))],
          target: 0.62,
          interval: accuracyInterval(two(gold), two(predicted)),
        },
      ],
      labelMapping:
        "supported → true (calibrated confidence ≥ 0.7) or mostly-true; refuted → false (≥ 0.7) or barely-true; misleading, conflicting and unverified → half-true. " +
        "2-way: true, mostly-true, half-true vs. barely-true, false, pants-fire.",
      confusion: confusion(gold, predicted),
      checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
      notes: [`${rows.length} statements with a justification (statements with an empty justification are skipped)`],
    };
  },
};

/**
 * Tab-separated rows as the LIAR-PLUS files write them: a field may be quoted, and then holds
 * tabs, newlines and doubled quotes ("" for ").
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++; // the closing quote
    }
    while (i < text.length && text[i] !== "\t" && text[i] !== "\n") field += text[i++];
    row.push(field);
    if (text[i] === "\n" || i >= text.length) {
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
    }
    i++;
  }
  return rows;
}
