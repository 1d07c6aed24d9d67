// What the two sets of questions the library cannot answer (off-topic, near misses) measure: a reader
// trusts a report only if it says so, so nothing should be cited with a stance and every verdict
// should be "unverified".
import type { Verity } from "../../../src/service/verity.js";
import { check } from "../harness.js";
import { quantile, type DatasetResult } from "../dataset.js";
import { bootstrapInterval, round3 } from "../metrics.js";

export async function unanswerableFigures(
  verity: Verity,
  questions: string[],
  /** The target for the sources given a stance, when the set has one. */
  stanceTarget?: number,
): Promise<Pick<DatasetResult, "metrics" | "checkMs" | "notes"> & { citing: number }> {
  const cites: boolean[] = [];
  const decides: boolean[] = [];
  let siding = 0;
  const ms: number[] = [];
  const examples: string[] = [];
  for (const question of questions) {
    const { report, ms: t } = await check(verity, question);
    ms.push(t);
    const sided = report.sources.filter((s) => s.stance !== "neutral").length;
    cites.push(report.sources.length > 0);
    siding += sided;
    decides.push(report.verdict.label !== "unverified");
    if (sided > 0 && examples.length < 5) {
      examples.push(`"${question}" cited ${report.sources.length} (${sided} with a stance; verdict ${report.verdict.label})`);
    }
  }
  const share = (xs: boolean[]) => xs.filter(Boolean).length / Math.max(1, xs.length);
  const citing = cites.filter(Boolean).length;
  return {
    citing,
    metrics: [
      {
        name: "share of reports that cite anything (lower is better)",
        value: round3(share(cites)),
        interval: bootstrapInterval(cites, share),
        anchors: [],
        lowerIsBetter: true,
      },
      { name: "sources given a stance (count, lower is better)", value: siding, anchors: [], target: stanceTarget, lowerIsBetter: true },
      {
        name: "share of verdicts other than unverified (lower is better)",
        value: round3(share(decides)),
        interval: bootstrapInterval(decides, share),
        anchors: [],
        lowerIsBetter: true,
      },
    ],
    checkMs: { median: quantile(ms, 0.5), p90: quantile(ms, 0.9) },
    notes: examples.length > 0 ? [`reports that gave a source a stance: ${examples.join("; ")}`] : [],
  };
}
