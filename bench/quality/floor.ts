// The quality floor: a small fixed subset of every dataset (the first claims of each dev split),
// run by the full benchmark to record its figures and by the test suite to check that quality has
// not fallen clearly below them. The same code path as the benchmark, only fewer claims.
import type { DatasetResult } from "./dataset.js";
import { averitec } from "./datasets/averitec.js";
import { checkCovid } from "./datasets/check-covid.js";
import { climateFever } from "./datasets/climate-fever.js";
import { liarPlus } from "./datasets/liar-plus.js";
import { offTopic } from "./datasets/off-topic.js";
import { scifact } from "./datasets/scifact.js";
import { openTrainingEncoder } from "./embeddings.js";
import { Workspace } from "./harness.js";

/** How many claims of each dataset the floor checks: about 20 s in all on a 2-core machine. */
export const FLOOR_SUBSET = [
  { dataset: scifact, claims: 60 },
  { dataset: climateFever, claims: 200 },
  { dataset: checkCovid, claims: 95 },
  { dataset: liarPlus, claims: 200 },
  { dataset: averitec, claims: 100 },
  { dataset: offTopic, claims: 35 },
] as const;

/** A fall of more than this below a committed figure fails the floor ("clearly below": on 60 to 200 claims, 3 to 10 claims). */
export const FLOOR_MARGIN = 0.05;

/** Figures of the floor subset: dataset → metric → value. */
export type FloorFigures = Record<string, Record<string, number>>;

/** Names of the figures to minimise (their floor is a ceiling): a name says so with "(lower is better)". */
const lowerIsBetter = (name: string) => name.includes("lower is better");

export async function runFloor(dataDir: string, log: (line: string) => void = () => {}): Promise<FloorFigures> {
  const shared = await openTrainingEncoder();
  const workspace = await Workspace.create(shared.cache);
  const figures: FloorFigures = {};
  try {
    for (const { dataset, claims } of FLOOR_SUBSET) {
      const result: DatasetResult = await dataset.run({ dataDir, limit: claims, workspace, log });
      figures[dataset.name] = Object.fromEntries(result.metrics.filter((m) => !m.informational).map((m) => [m.name, m.value]));
    }
  } finally {
    await workspace.dispose();
    await shared.close();
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
      else if (lowerIsBetter(name) ? now > value + margin : now < value - margin) {
        falls.push(
          `${dataset} ${name}: ${now} ${lowerIsBetter(name) ? ">" : "<"} committed ${value} ${lowerIsBetter(name) ? "+" : "-"} ${margin}`,
        );
      }
    }
  }
  return falls;
}
