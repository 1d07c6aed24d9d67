// Library-scale benchmark: how each stage of a check grows with the library. Each library holds the
// SciFact abstracts that the checked claims cite (so the checks find their evidence), then documents
// of 4 to 24 real sentences (SciFact abstracts and Climate-FEVER evidence) recombined with a fixed
// seed (bench/library-generator.ts), up to about 5k, 50k, 250k and 1M passages; written and ingested under the temp folder, never
// committed. The same SciFact dev claims are checked over each library with the local analyst: a
// first, untimed pass embeds what each check reads (as `verity embed` would have embedded the library
// ahead; the benchmarks' shared cache, .cache/ or VERITY_CACHE_DIR, keeps the vectors across runs),
// then a timed pass; median and 90th percentile of each stage come from the reports' own timings.
// With `--baseline REV` that commit's code checks the same libraries too, side by side in one run.
// Usage: npm run bench:library [-- --sizes 5000,50000,250000,1000000] [--checks 30] [--baseline REV]
//        [--keep DIR (reuse the ingested libraries across runs)] [--out bench/results/LIBRARY-SCALE.md]
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  closeStream,
  jsonLines,
  recombined,
  sciFactCorpus,
  sentencePool,
  writeLibrary,
  writeTo,
  type LibraryDocument,
} from "./library-generator.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Written beside a library's database once its ingest is complete (a library without it is made again). */
const INGESTED = "ingested";
const STAGES = ["intake", "plan", "gather", "read", "rank", "judge", "write", "audit"];

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: "../shared/datasets" },
    sizes: { type: "string", default: "5000,50000,250000,1000000" },
    checks: { type: "string", default: "30" },
    baseline: { type: "string" },
    keep: { type: "string" },
    out: { type: "string" },
    // Internal: one measured run in a child process.
    run: { type: "string" },
    library: { type: "string" },
    "db-dir": { type: "string" },
  },
});
const datasets = path.resolve(values["data-dir"]!);

interface RunResult {
  /**
   * Per stage, and "total" (the sum of the stages), the timed pass's milliseconds per check; "cpu", the
   * process's CPU time during it (wall time grows with other work on a shared machine, CPU time less).
   */
  ms: Record<string, number[]>;
  /** Checks that read at least one abstract the claim cites: retrieval holding up as the library grows. */
  citedRead: number;
  /** Wall time of the ingest when this run made the library (null when it was there already). */
  ingestSeconds: number | null;
  passages: number;
  documents: number;
}

interface Claim {
  claim: string;
  cited_doc_ids: number[];
}

async function claims(): Promise<Claim[]> {
  const all: Claim[] = [];
  for await (const c of jsonLines<Claim>(path.join(datasets, "scifact/claims_dev.jsonl"))) all.push(c);
  return all.slice(0, Number(values.checks));
}

if (values.run) {
  process.stdout.write(JSON.stringify(await measure(values.run, values.library!, values["db-dir"]!)) + "\n");
} else {
  await main();
}

/** In a child: with the code under `root`, ingest the library (unless already there), then time the checks. */
async function measure(root: string, library: string, dbDir: string): Promise<RunResult> {
  const load = (module: string) => import(pathToFileURL(path.join(root, module)).href);
  const { libraryOnlyConfig } = await load("src/service/config.js");
  const { openVerity } = await load("src/service/verity.js");
  const { ingest } = await load("src/service/ingest.js");
  const { openTrainingEncoder } = await load("bench/quality/embeddings.js");
  const shared = await openTrainingEncoder();
  const verity = await openVerity(libraryOnlyConfig(dbDir), { embeddingCache: shared.cache });
  try {
    let ingestSeconds: number | null = null;
    if (!existsSync(path.join(dbDir, INGESTED))) {
      const started = performance.now();
      const summary = await ingest(verity, [library]);
      ingestSeconds = (performance.now() - started) / 1000;
      if (summary.failed.length > 0) throw new Error(`ingest failed: ${JSON.stringify(summary.failed.slice(0, 3))}`);
      await writeFile(path.join(dbDir, INGESTED), "");
    }
    const ms: Record<string, number[]> = {};
    let citedRead = 0;
    for (const { claim, cited_doc_ids } of await claims()) {
      await verity.service.check(claim, { fresh: true }); // untimed: embeds what this check reads
      const cpu = process.cpuUsage();
      const { report } = await verity.service.check(claim, { fresh: true });
      const used = process.cpuUsage(cpu);
      (ms.cpu ??= []).push((used.user + used.system) / 1000);
      const read = report.provenance.considered.map((c: { url: string }) => c.url);
      if (cited_doc_ids.some((id) => read.some((url: string) => url.endsWith(`:scifact-${id}`)))) citedRead++;
      let total = 0;
      for (const t of report.provenance.timings as { stage: string; ms: number }[]) {
        (ms[t.stage] ??= []).push(t.ms);
        total += t.ms;
      }
      (ms.total ??= []).push(total);
    }
    return { ms, citedRead, ingestSeconds, ...(await verity.library.count()) };
  } finally {
    await verity.close();
    await shared.close();
  }
}

/**
 * The library of about `passages` passages as JSON Lines: the cited abstracts first, then recombined
 * documents. The same seed gives each larger library the smaller ones' documents as its start.
 */
async function generate(passages: number, cited: Set<number>, file: string): Promise<{ documents: number; passages: number }> {
  const out = createWriteStream(file);
  const write = (line: string) => writeTo(out, line);
  const abstracts = await writeLibrary(citedAbstracts(cited), Infinity, write);
  const pool = await sentencePool(datasets, { climateFever: true });
  const mixed = await writeLibrary(recombined(pool, { prefix: "mix-", lengthFirst: false }), passages - abstracts.passages, write);
  await closeStream(out);
  return { documents: abstracts.documents + mixed.documents, passages: abstracts.passages + mixed.passages };
}

async function* citedAbstracts(cited: Set<number>): AsyncGenerator<LibraryDocument> {
  for await (const d of sciFactCorpus(datasets))
    if (cited.has(d.doc_id)) yield { id: `scifact-${d.doc_id}`, title: d.title, sentences: d.abstract };
}

function runChild(root: string, library: string, dbDir: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", fileURLToPath(import.meta.url), "--run", root, "--library", library, "--db-dir", dbDir];
    args.push("--data-dir", datasets, "--checks", values.checks!);
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`run exited ${code}`)),
    );
  });
}

/** The baseline commit's src/ and bench/ in a temp folder, sharing this checkout's node_modules. */
async function exportCommit(rev: string, work: string): Promise<string> {
  const root = path.join(work, `baseline-${rev}`);
  await mkdir(root, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${JSON.stringify(rev)} src bench package.json | tar -x -C ${JSON.stringify(root)}`], {
    cwd: ROOT,
  });
  await symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  return root;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

function shown(ms: number): string {
  return ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1);
}

async function main(): Promise<void> {
  const sizes = values.sizes!.split(",").map(Number);
  const work = values.keep ? path.resolve(values.keep) : await mkdtemp(path.join(os.tmpdir(), "verity-bench-library-"));
  await mkdir(work, { recursive: true });
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT }).toString().trim();
    const head = git("rev-parse", "--short", "HEAD");
    const dirty = git("status", "--porcelain", "src") ? "+changes" : "";
    const codes: { name: string; root: string }[] = [];
    if (values.baseline) {
      const rev = git("rev-parse", "--short", values.baseline);
      codes.push({
        name: `baseline ${rev}`,
        root: existsSync(path.join(work, `baseline-${rev}`)) ? path.join(work, `baseline-${rev}`) : await exportCommit(rev, work),
      });
    }
    codes.push({ name: `this checkout ${head}${dirty}`, root: ROOT });
    const cited = new Set((await claims()).flatMap((c) => c.cited_doc_ids));
    const load = os.loadavg()[0]!.toFixed(1);
    const rows: string[] = [];
    const summary: string[] = [];
    for (const size of sizes) {
      const dbDir = path.join(work, `library-${size}`);
      const file = path.join(work, `library-${size}.jsonl`);
      if (!existsSync(path.join(dbDir, INGESTED))) {
        await rm(dbDir, { recursive: true, force: true });
        const made = await generate(size, cited, file);
        console.error(`library ${size}: ${made.passages} passages, ${made.documents} documents generated`);
      }
      for (const code of codes) {
        const r = await runChild(code.root, file, dbDir);
        await rm(file, { force: true });
        const library = `${r.passages.toLocaleString("en")} passages (${r.documents.toLocaleString("en")} documents)`;
        if (r.ingestSeconds !== null) {
          const rate = Math.round(r.passages / r.ingestSeconds).toLocaleString("en");
          summary.push(`- ${library}: ingested in ${r.ingestSeconds.toFixed(0)} s (${rate} passages/s), by ${code.name}.`);
        }
        const cell = (stage: string) => {
          const xs = r.ms[stage] ?? [];
          return `${shown(quantile(xs, 0.5))} / ${shown(quantile(xs, 0.9))}`;
        };
        const line = `| ${library} | ${code.name} | ${["total", "cpu", ...STAGES].map(cell).join(" | ")} | ${r.citedRead}/${values.checks} |`;
        console.error(line);
        rows.push(line);
      }
    }
    const cpu =
      /model name\s*:\s*(.*)/.exec(await readFile("/proc/cpuinfo", "utf8").catch(() => ""))?.[1] ?? os.cpus()[0]?.model ?? "unknown CPU";
    const command = `npm run bench:library -- --sizes ${values.sizes} --checks ${values.checks}${values.baseline ? ` --baseline ${values.baseline}` : ""}`;
    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.availableParallelism()} cores, nproc), ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, with \`${command}\`; load average ${load} when it ` +
        `began (${os.loadavg()[0]!.toFixed(1)} at the end: other work shares the machine).`,
      "",
      `Each cell: median / 90th percentile in ms over ${values.checks} SciFact dev claims, each checked once untimed (which embeds`,
      "what it reads, as a library embedded ahead would have it) and then timed; total is the sum of the report's stage timings",
      "(wall time), CPU the process's CPU time during the check (less sensitive to other work on the machine). The last",
      "column counts the checks that read an abstract their claim cites.",
      "",
      `| library | code | total | CPU | ${STAGES.join(" | ")} | cited abstract read |`,
      `|---|---|${"---|".repeat(STAGES.length + 3)}`,
      ...rows,
      "",
      ...summary,
    ].join("\n");
    console.log(table);
    if (values.out) await writeFile(values.out, `# Check time against library size\n\n${table}\n`);
  } finally {
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}
