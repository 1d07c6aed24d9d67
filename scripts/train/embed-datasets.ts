// `npm run train -- ...` embeds ahead of time; this script alone fills the cache with the stance
// pairs' texts and the train claims, optionally as one shard of several processes:
//   node --import tsx scripts/train/embed-datasets.ts --shard 0/2 & ... --shard 1/2
import path from "node:path";
import { parseArgs } from "node:util";
import { embedAll, openTrainingEncoder } from "../../bench/quality/embeddings.js";
import { loadStancePairs } from "./stance-sets.js";

const { values } = parseArgs({
  options: { "data-dir": { type: "string", default: path.resolve("../shared/datasets") }, shard: { type: "string", default: "0/1" } },
});
const [i, n] = values.shard!.split("/").map(Number) as [number, number];
const pairs = loadStancePairs(path.resolve(values["data-dir"]!));
// What the stance model learns from (the shippable train pairs), then what measures it (every set's held-out
// pairs); the train pairs of sets that may not be shipped are never used.
const ordered = [...pairs.filter((p) => p.shippable && p.split === "train"), ...pairs.filter((p) => p.split === "heldout")];
const training = await openTrainingEncoder();
try {
  await embedAll(
    training,
    ordered.flatMap((p) => [p.claim, p.evidence]),
    `stance pairs, shard ${i}/${n}`,
    [i, n],
  );
} finally {
  await training.close();
}
