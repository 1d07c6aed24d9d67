// The quality floor: a small fixed subset of every dataset (the first claims of each dev split),
// run by the full benchmark to record its figures and by the test suite to check that quality has
// not fallen clearly below them. The same code path as the benchmark, only fewer claims.
import type { DatasetResult } from "./dataset.js";
import { averitec } from "./datasets/averitec.js";
import { checkCovid } from "./datasets/check-covid.js";
import { climateFever } from "./datasets/climate-fever.js";
import { liarPlus } from "./datasets/liar-plus.js";
import { scifact } from "./datasets/scifact.js";
import { Workspace } from "./harness.js";

/** How many claims of each dataset the floor checks: about 20 s in all on a 2-core machine. */
export const FLOOR_SUBSET = [
  { dataset: scifact, claims: 60 },
  { dataset: climateFever, claims: 200 },
  { dataset: checkCovid, claims: 95 },
  { dataset: liarPlus, claims: 200 },
  { dataset: averitec, claims: 100 },
] as const;

/** A fall of more than this below a committed figure fails the floor ("clearly below": on 60 to 200 claims, 3 to 10 claims). */
export const FLOOR_MARGIN = 0.05;

/** Figures of the floor subset: dataset → metric → value. */
export type FloorFigures = Record<string, Record<string, number>>;

export async function runFloor(dataDir: string, log: (line: string) => void = () => {}): Promise<FloorFigures> {
  const workspace = await Workspace.create();
  const figures: FloorFigures = {};
  try {
    for (const { dataset, claims } of FLOOR_SUBSET) {
      const result: DatasetResult = await dataset.run({ dataDir, limit: claims, workspace, log });
      figures[dataset.name] = Object.fromEntries(result.metrics.filter((m) => !m.informational).map((m) => [m.name, m.value]));
    }
  } finally {
    await workspace.dispose();
  }
  return figures;
}

/** The metrics that fell clearly below the committed figures, as readable lines. */
export function fallsBelow(committed: FloorFigures, measured: FloorFigures, margin = FLOOR_MARGIN): string[] {
  const falls: string[] = [];
  for (const [dataset, metrics] of Object.entries(committed)) {
    for (const [name, value] of Object.entries(metrics)) {
      const now = measured[dataset]?.[name];
      if (now === undefined) falls.push(`${dataset} ${name}: not measured`);
      else if (now < value - margin) falls.push(`${dataset} ${name}: ${now} < committed ${value} - ${margin}`);
    }
  }
  return falls;
}
