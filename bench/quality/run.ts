// `npm run bench:quality [-- --dataset NAME] [-- --data-dir DIR] [-- --limit N] [-- --render]`
// Runs the quality benchmark and writes bench/results/quality.json and QUALITY.md. `--render` only
// rewrites QUALITY.md from the committed quality.json and IDEAS.md (after a new line in IDEAS).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Dataset, DatasetResult } from "./dataset.js";
import { averitec } from "./datasets/averitec.js";
import { checkCovid } from "./datasets/check-covid.js";
import { climateFever } from "./datasets/climate-fever.js";
import { liarPlus } from "./datasets/liar-plus.js";
import { nearMiss } from "./datasets/near-miss.js";
import { offTopic } from "./datasets/off-topic.js";
import { plainFindings } from "./datasets/plain-findings.js";
import { scifact } from "./datasets/scifact.js";
import { runFloor } from "./floor.js";
import { openTrainingEncoder } from "./embeddings.js";
import { Workspace } from "./harness.js";
import { renderQualityMarkdown } from "./report.js";

const DATASETS: Dataset[] = [scifact, climateFever, checkCovid, liarPlus, averitec, offTopic, nearMiss, plainFindings];

const { values } = parseArgs({
  options: {
    dataset: { type: "string" },
    "data-dir": { type: "string", default: path.resolve("../shared/datasets") },
    limit: { type: "string" },
    out: { type: "string", default: "bench/results" },
    render: { type: "boolean", default: false },
  },
});

const jsonPath = path.join(values.out!, "quality.json");
const renderMarkdown = async (results: Parameters<typeof renderQualityMarkdown>[0]) => {
  const ideas = await readFile(new URL("./IDEAS.md", import.meta.url), "utf8");
  await writeFile(path.join(values.out!, "QUALITY.md"), renderQualityMarkdown(results, ideas));
};
if (values.render) {
  await renderMarkdown(JSON.parse(await readFile(jsonPath, "utf8")));
  console.error(`rewrote ${path.join(values.out!, "QUALITY.md")} from ${jsonPath}`);
  process.exit(0);
}

const chosen = values.dataset ? DATASETS.filter((d) => d.name === values.dataset) : DATASETS;
if (chosen.length === 0) {
  console.error(`unknown dataset "${values.dataset}" (known: ${DATASETS.map((d) => d.name).join(", ")})`);
  process.exit(2);
}
const limit = values.limit ? Number(values.limit) : null;
if (limit !== null && !(Number.isInteger(limit) && limit > 0)) {
  console.error(`--limit takes a positive whole number`);
  process.exit(2);
}

// Every text of the datasets is embedded once and kept in .cache/ (VERITY_CACHE_DIR) across runs.
const shared = await openTrainingEncoder();
const workspace = await Workspace.create(shared.cache);
const results: DatasetResult[] = [];
try {
  for (const dataset of chosen) {
    const started = performance.now();
    console.error(`${dataset.name}…`);
    const result = await dataset.run({ dataDir: path.resolve(values["data-dir"]!), limit, workspace, log: (l) => console.error(l) });
    results.push(result);
    console.error(
      `${dataset.name}: ${result.metrics.map((m) => `${m.name} ${m.value}`).join(", ")} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
} finally {
  await workspace.dispose();
  await shared.close();
}

const run = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  engine: "local",
  limit,
  results,
};

// A partial run (one dataset, or a limit) updates only its own entries in the committed results.
let merged = run;
if (values.dataset || limit !== null) {
  const previous = await readFile(jsonPath, "utf8")
    .then(JSON.parse)
    .catch(() => null);
  if (previous && limit === null) {
    merged = {
      ...run,
      results: [...previous.results.filter((r: DatasetResult) => !results.some((x) => x.dataset === r.dataset)), ...results],
    };
  }
}
if (limit === null) {
  await mkdir(values.out!, { recursive: true });
  await writeFile(jsonPath, JSON.stringify(merged, null, 2) + "\n");
  await renderMarkdown(merged);
  console.error(`wrote ${jsonPath} and QUALITY.md`);
  if (!values.dataset) {
    // The test suite's regression floor: the same code on a fixed subset, recorded beside the full figures.
    const floor = { date: run.date, machine: run.machine, figures: await runFloor(path.resolve(values["data-dir"]!)) };
    await writeFile(path.join(values.out!, "quality-floor.json"), JSON.stringify(floor, null, 2) + "\n");
    console.error(`wrote the regression floor's figures to ${path.join(values.out!, "quality-floor.json")}`);
  }
} else {
  console.error("(a --limit run is not written to bench/results)");
  console.log(
    JSON.stringify(
      run.results.map((r) => ({ dataset: r.dataset, metrics: r.metrics.map((m) => [m.name, m.value]) })),
      null,
      1,
    ),
  );
}
