// How often Verity's own analyst is right, as measured by `npm run bench:quality` on public
// datasets (bench/results/quality.json, committed with the code). The methodology page shows it,
// so readers can weigh a verdict against the measured record, not only against its confidence.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The committed results, found from this module in src/server or dist/server alike. */
export const QUALITY_RESULTS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bench/results/quality.json");

/** The file is a few kilobytes; anything far larger is not it. */
const MAX_BYTES = 1_000_000;

const text = z.string().max(300);
const QualityFile = z.object({
  date: text,
  machine: text,
  results: z
    .array(
      z.object({
        dataset: text,
        split: text,
        task: text,
        claims: z.number().int().nonnegative(),
        metrics: z
          .array(
            z.object({
              name: text,
              value: z.number(),
              anchors: z.array(text).max(10),
              interval: z.tuple([z.number(), z.number()]).optional(),
            }),
          )
          .max(50),
      }),
    )
    .max(20),
});

/** A headline figure: one with a bootstrap interval in the results. */
export interface MeasuredFigure {
  dataset: string;
  split: string;
  task: string;
  claims: number;
  measure: string;
  value: number;
  interval: [number, number];
  anchors: string[];
}

/** How often supported and refuted verdicts were right, against the confidence they stated. */
interface CalibrationFigure {
  dataset: string;
  shareRight: number;
  statedConfidence: number;
}

export interface MeasuredQuality {
  /** The day of the run (YYYY-MM-DD). */
  date: string;
  machine: string;
  figures: MeasuredFigure[];
  calibration: CalibrationFigure[];
}

/** The calibration metrics' names in the results: bench/quality/calibration.ts writes them under these. */
export const SHARE_RIGHT = "supported / refuted verdicts: share right";
export const STATED_CONFIDENCE = "supported / refuted verdicts: mean stated confidence";

/** Reads and checks the results file; null when it is absent or not in the expected shape. */
export function loadMeasuredQuality(file = QUALITY_RESULTS_PATH): MeasuredQuality | null {
  let parsed: z.infer<typeof QualityFile>;
  try {
    if (statSync(file).size > MAX_BYTES) return null;
    const result = QualityFile.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    // No results beside this installation (e.g. an installed package without bench/): say nothing.
    return null;
  }
  const figures = parsed.results.flatMap((r) =>
    r.metrics.flatMap((m): MeasuredFigure[] =>
      m.interval
        ? [
            {
              dataset: r.dataset,
              split: r.split,
              task: r.task,
              claims: r.claims,
              measure: m.name,
              value: m.value,
              interval: m.interval,
              anchors: m.anchors,
            },
          ]
        : [],
    ),
  );
  const calibration = parsed.results.flatMap((r): CalibrationFigure[] => {
    const right = r.metrics.find((m) => m.name === SHARE_RIGHT);
    const stated = r.metrics.find((m) => m.name === STATED_CONFIDENCE);
    return right && stated ? [{ dataset: r.dataset, shareRight: right.value, statedConfidence: stated.value }] : [];
  });
  return { date: parsed.date.slice(0, 10), machine: parsed.machine, figures, calibration };
}

let cached: MeasuredQuality | null | undefined;

/** The committed results, read once per process. */
export function measuredQuality(): MeasuredQuality | null {
  if (cached === undefined) cached = loadMeasuredQuality();
  return cached;
}
