// Regression floor: a fixed subset of the public datasets through the real pipeline must not fall
// clearly below the figures `npm run bench:quality` committed in bench/results/quality-floor.json.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { cacheDir } from "../../../bench/quality/embeddings.js";
import { fallsBelow, FLOOR_MARGIN, runFloor, type FloorFigures } from "../../../bench/quality/floor.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const dataDir = path.resolve(repo, process.env.VERITY_DATASETS ?? "../shared/datasets");
const present = existsSync(path.join(dataDir, "scifact", "corpus.jsonl"));
// The subset's libraries are embedded from the benchmarks' shared cache: without it the floor would
// first embed about 50,000 passages (half an hour on two cores).
const embedded = existsSync(path.join(cacheDir(), "embeddings", "verity.sqlite"));
const committed = JSON.parse(readFileSync(path.join(repo, "bench/results/quality-floor.json"), "utf8")) as { figures: FloorFigures };

describe("quality floor (fixed subset of the dev splits)", () => {
  it(
    `stays within ${FLOOR_MARGIN} of every committed figure`,
    {
      skip: !present
        ? `the public datasets are not at ${dataDir} (set VERITY_DATASETS to a folder laid out like ../shared/datasets)`
        : !embedded
          ? `the datasets' sentence vectors are not cached in ${cacheDir()} (npm run bench:quality fills it once; VERITY_CACHE_DIR points elsewhere)`
          : false,
      timeout: 120_000,
    },
    async () => {
      const measured = await runFloor(dataDir);
      assert.deepEqual(fallsBelow(committed.figures, measured), []);
    },
  );

  it("flags a figure that falls clearly, and only then", () => {
    const committedFigures = { scifact: { "nDCG@10": 0.7 } };
    assert.deepEqual(fallsBelow(committedFigures, { scifact: { "nDCG@10": 0.69 } }), []);
    assert.equal(fallsBelow(committedFigures, { scifact: { "nDCG@10": 0.6 } }).length, 1);
    assert.equal(fallsBelow(committedFigures, {}).length, 1);
  });
});
