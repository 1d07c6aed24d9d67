// The measured quality the methodology page shows, read from the committed benchmark results.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadMeasuredQuality, QUALITY_RESULTS_PATH } from "../../../src/server/measured-quality.js";
import { measuredQualitySection } from "../../../src/server/pages/info.js";

const RESULTS = {
  date: "2026-11-25T04:10:49.020Z",
  machine: "AMD EPYC (2 cores), 24 GiB, Node v20.20.2",
  engine: "local",
  limit: null,
  results: [
    {
      dataset: "SciFact <script>alert(1)</script>",
      split: "dev",
      task: "open retrieval, then verdict",
      claims: 210,
      metrics: [
        { name: "nDCG@10", value: 0.71, anchors: ["BM25 0.665 (BEIR)"], target: 0.72, interval: [0.658, 0.759] },
        { name: "Recall@10", value: 0.83, anchors: [] },
        { name: "supported / refuted verdicts: share right", value: 0.632, anchors: [] },
        { name: "supported / refuted verdicts: mean stated confidence", value: 0.595, anchors: [], informational: true },
      ],
    },
  ],
};

describe("the measured quality on the methodology page", () => {
  let dir = "";
  const file = (name: string) => path.join(dir, name);
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "verity-quality-"));
    await writeFile(file("good.json"), JSON.stringify(RESULTS));
    await writeFile(file("broken.json"), '{"date": "2026-11-25", "results": [');
    await writeFile(file("shape.json"), JSON.stringify({ ...RESULTS, results: [{ dataset: "x", metrics: "none" }] }));
    await writeFile(file("huge.json"), " ".repeat(1_100_000) + JSON.stringify(RESULTS));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("keeps the figures that carry an interval, and the calibration of each dataset", () => {
    const quality = loadMeasuredQuality(file("good.json"))!;
    assert.equal(quality.date, "2026-11-25");
    assert.deepEqual(
      quality.figures.map((f) => [f.measure, f.value, f.interval]),
      [["nDCG@10", 0.71, [0.658, 0.759]]],
    );
    assert.deepEqual(quality.calibration, [{ dataset: RESULTS.results[0]!.dataset, shareRight: 0.632, statedConfidence: 0.595 }]);
  });

  it("says nothing rather than fail when the file is missing, broken, of another shape or far too large", () => {
    for (const name of ["missing.json", "broken.json", "shape.json", "huge.json"])
      assert.equal(loadMeasuredQuality(file(name)), null, name);
    assert.equal(String(measuredQualitySection(null)), "");
  });

  it("renders the figures with the text from the file escaped", () => {
    const section = String(measuredQualitySection(loadMeasuredQuality(file("good.json"))));
    assert.ok(!section.includes("<script>"));
    assert.ok(section.includes("&lt;script&gt;"));
    assert.match(section, /<strong>0\.710<\/strong><\/td><td class="nowrap">0\.658–0\.759<\/td><td>BM25 0\.665 \(BEIR\)<\/td>/);
    assert.match(section, /<td>63%<\/td><td>60%<\/td>/);
  });

  it("reads the results committed with the code", () => {
    const committed = JSON.parse(readFileSync(QUALITY_RESULTS_PATH, "utf8")) as typeof RESULTS;
    const withInterval = committed.results.flatMap((r) => r.metrics.filter((m) => "interval" in m && m.interval));
    const quality = loadMeasuredQuality()!;
    assert.equal(quality.figures.length, withInterval.length);
    assert.ok(quality.figures.length >= 5);
  });
});
