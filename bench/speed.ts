// Speed benchmark: ingest the SciFact corpus (5,183 abstracts) through the normal ingest path; load
// the sentence encoder; embed part of the library ahead (`verity embed`'s rate); time checks of
// SciFact dev claims over the library with its passages embedded ahead and with none embedded (each
// check embeds what it reads); and the resident memory of `verity serve` once a check has loaded the
// encoder. The embedded run takes its vectors from the benchmarks' shared cache (.cache/, filled by
// `npm run bench:quality` or `npm run train`); without it, it embeds the whole library first (about
// half an hour here).
// Usage: npm run bench:speed [-- --data-dir ../shared/datasets] [-- --checks 50]
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { sharedUseLiteEncoder } from "../src/encoder/use-lite.js";
import { libraryOnlyConfig } from "../src/service/config.js";
import { embedLibrary } from "../src/service/embed-library.js";
import { openVerity, type Verity } from "../src/service/verity.js";
import { ingestPaths } from "../src/sources/library/ingest.js";
import { openTrainingEncoder } from "./quality/embeddings.js";

const { values } = parseArgs({
  options: { "data-dir": { type: "string", default: "../shared/datasets" }, checks: { type: "string", default: "50" } },
});
const datasets = path.resolve(values["data-dir"]!);
/** Documents embedded from scratch to measure the rate of `verity embed`. */
const RATE_DOCUMENTS = 200;
/** Checks run with nothing embedded ahead (each embeds what it reads: slow, so fewer). */
const COLD_CHECKS = 15;

async function* lines(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file) })) if (line.trim()) yield line;
}

async function timeChecks(verity: Verity, claims: string[]) {
  const checkMs: number[] = [];
  const stageMs = new Map<string, number[]>();
  for (const claim of claims) {
    const t = performance.now();
    const { report } = await verity.service.check(claim, { fresh: true });
    checkMs.push(performance.now() - t);
    for (const s of report.provenance.timings) stageMs.set(s.stage, [...(stageMs.get(s.stage) ?? []), s.ms]);
  }
  return {
    checks: claims.length,
    median: round(quantile(checkMs, 0.5)),
    p90: round(quantile(checkMs, 0.9)),
    max: round(Math.max(...checkMs)),
    stageMedianMs: Object.fromEntries([...stageMs].map(([k, v]) => [k, round(quantile(v, 0.5))])),
  };
}

/** `verity serve` in its own process: its resident memory after one check (which loads the encoder). */
async function serveMemory(dataDir: string, claim: string): Promise<{ rssMb: number; peakMb: number }> {
  const child = spawn(process.execPath, ["bin/verity.js", "serve", "--port", "0"], {
    env: { ...process.env, VERITY_DATA_DIR: dataDir, VERITY_SOURCES: "library" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = "";
      child.stderr!.on("data", (d: Buffer) => {
        err += d.toString();
        const m = /serving on (http:\/\/\S+?) /.exec(err);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`verity serve exited (${code}): ${err}`)));
    });
    const posted = (await (
      await fetch(`${url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ input: claim }),
      })
    ).json()) as { id: string };
    for (;;) {
      const state = (await (await fetch(`${url}/api/checks/${posted.id}`)).json()) as { status: string };
      if (state.status === "done" || state.status === "failed") break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const status = await readFile(`/proc/${child.pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
  } finally {
    child.kill("SIGTERM");
  }
}

/** Speed at scale is measured by its own benchmarks, each with a baseline side by side (each takes minutes). */
const OTHER_BENCHMARKS = [
  "## Speed at scale: the other benchmarks",
  "",
  "| what | command | results |",
  "|---|---|---|",
  "| page rates against a bare Hono app on the same bytes | `npm run bench:pages` | PAGES.md |",
  "| check time against library size, 5k to 1M passages | `npm run bench:library` | LIBRARY-SCALE.md |",
  "| ingest rate and peak memory of JSON Lines | `npm run bench:ingest` | INGEST.md |",
  "| `verity check` of a stored question, `verity serve` until serving | `npm run bench:startup` | STARTUP.md |",
  "| the site while checks run, checks per minute by workers | `npm run bench:scale` | SCALE.md |",
  "| full-text search on PostgreSQL against SQLite | `npm run bench:postgres-search` | POSTGRES-SEARCH.md |",
  "",
];

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
  const claims: string[] = [];
  for await (const line of lines(path.join(datasets, "scifact/claims_dev.jsonl"))) claims.push(JSON.parse(line).claim);
  const n = Math.min(Number(values.checks), claims.length - 1);

  // Cold: a library whose passages nobody embedded, with an empty embedding cache.
  const cold = await openVerity(libraryOnlyConfig(path.join(work, "cold")));
  let t = performance.now();
  const first = await ingestPaths([corpus], cold.library);
  const ingestMs = performance.now() - t;
  t = performance.now();
  const second = await ingestPaths([corpus], cold.library);
  const reingestMs = performance.now() - t;
  t = performance.now();
  await sharedUseLiteEncoder().load();
  const encoderLoadMs = performance.now() - t;
  const coldChecks = await timeChecks(cold, claims.slice(1, 1 + COLD_CHECKS));
  await cold.close();

  // The rate of `verity embed`, from scratch, over the first documents.
  const rateLibrary = path.join(work, "rate.jsonl");
  await writeFile(rateLibrary, mapped.slice(0, RATE_DOCUMENTS).join("\n"));
  const fresh = await openVerity(libraryOnlyConfig(path.join(work, "rate")));
  await ingestPaths([rateLibrary], fresh.library);
  t = performance.now();
  const embedded = await embedLibrary(fresh);
  const embedSeconds = (performance.now() - t) / 1000;
  await fresh.close();

  // Warm: the whole library embedded ahead, from the benchmarks' shared cache.
  const shared = await openTrainingEncoder();
  const warm = await openVerity(libraryOnlyConfig(path.join(work, "warm")), { embeddingCache: shared.cache });
  await ingestPaths([corpus], warm.library);
  t = performance.now();
  const ahead = await embedLibrary(warm);
  const aheadSeconds = (performance.now() - t) / 1000;
  await warm.service.check(claims[0]!, { fresh: true }); // warm-up: first-use compilation and caches
  const warmChecks = await timeChecks(warm, claims.slice(1, 1 + n));
  await warm.close();
  await shared.close();

  const memory = await serveMemory(path.join(work, "cold"), claims[0]!);

  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`,
    corpus: { documents: mapped.length, added: first.added, failed: first.failed.length },
    ingestSeconds: round(ingestMs / 1000),
    reingestSeconds: round(reingestMs / 1000),
    reingestUnchanged: second.unchanged,
    encoderLoadMs: round(encoderLoadMs),
    embedRate: {
      documents: RATE_DOCUMENTS,
      texts: embedded.embedded,
      seconds: round(embedSeconds),
      perSecond: round(embedded.embedded / embedSeconds),
    },
    embeddedAhead: { texts: ahead.embedded + ahead.cached, newlyEmbedded: ahead.embedded, seconds: round(aheadSeconds) },
    warm: warmChecks,
    cold: coldChecks,
    serve: memory,
  };
  await writeFile("bench/results/speed.json", JSON.stringify(result, null, 2) + "\n");
  const stages = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  await writeFile(
    "bench/results/SPEED.md",
    [
      "# Speed",
      "",
      `Measured ${result.date.slice(0, 10)} on ${result.machine}, with \`npm run bench:speed\`.`,
      "",
      "| what | result |",
      "|---|---|",
      `| ingest the SciFact corpus (${result.corpus.documents} abstracts, JSON Lines) | ${result.ingestSeconds} s |`,
      `| ingest it again (${result.reingestUnchanged} unchanged) | ${result.reingestSeconds} s |`,
      `| load the sentence encoder (first use in a process) | ${result.encoderLoadMs} ms |`,
      `| \`verity embed\`: titles and passages of ${RATE_DOCUMENTS} abstracts, from scratch | ${result.embedRate.texts} texts in ${result.embedRate.seconds} s (${result.embedRate.perSecond} a second) |`,
      `| one check, library embedded ahead: median of ${warmChecks.checks} SciFact dev claims (in process, \`--fresh\`) | ${warmChecks.median} ms |`,
      `| same, 90th percentile / max | ${warmChecks.p90} / ${warmChecks.max} ms |`,
      `| one check, nothing embedded ahead (the check embeds what it reads): median of ${coldChecks.checks} | ${coldChecks.median} ms |`,
      `| same, 90th percentile / max | ${coldChecks.p90} / ${coldChecks.max} ms |`,
      `| \`verity serve\` after a check (encoder loaded): resident / peak memory | ${memory.rssMb} / ${memory.peakMb} MB |`,
      "",
      `Median per stage, embedded ahead (ms): ${stages(warmChecks.stageMedianMs)}.`,
      "",
      `Median per stage, nothing embedded ahead (ms): ${stages(coldChecks.stageMedianMs)}.`,
      "",
      "A `npx verity check` from the shell adds Node's start-up and opening the database (about 0.3 s), and the encoder's load when the check embeds anything.",
      "",
      ...OTHER_BENCHMARKS,
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
