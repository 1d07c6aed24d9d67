// How honest the stated confidence is: the supported / refuted verdicts of a run, how often they
// were right, beside the confidence they stated.
import type { Report } from "../../src/domain/report.js";
import { SHARE_RIGHT, STATED_CONFIDENCE } from "../../src/server/measured-quality.js";
import type { Metric } from "./dataset.js";
import { bootstrapInterval, calibrationError, calibrationErrorByChance, mean, round3 } from "./metrics.js";

export class Calibration {
  private readonly decided: { right: boolean; confidence: number }[] = [];

  /** Records the report's verdict if it takes a side; `right` is whether that side is the gold one. */
  add(report: Report, right: boolean): void {
    if (report.verdict.label === "supported" || report.verdict.label === "refuted") {
      this.decided.push({ right, confidence: report.verdict.confidence });
    }
  }

  metrics(): Metric[] {
    return [
      { name: SHARE_RIGHT, value: round3(mean(this.decided.map((d) => (d.right ? 1 : 0)))), anchors: [] },
      { name: STATED_CONFIDENCE, value: round3(mean(this.decided.map((d) => d.confidence))), anchors: [], informational: true },
      {
        name: "supported / refuted verdicts: calibration error (ECE, lower is better)",
        value: round3(calibrationError(this.decided)),
        // On a hundred verdicts in ten bins the error is mostly noise: its interval says how much.
        interval: bootstrapInterval(this.decided, (sample) => calibrationError(sample)),
        anchors: [],
        informational: true,
      },
      {
        name: "supported / refuted verdicts: calibration error of a perfectly honest analyst on the same verdicts, by chance alone",
        value: round3(calibrationErrorByChance(this.decided.map((d) => d.confidence))),
        anchors: [],
        informational: true,
      },
    ];
  }
}
