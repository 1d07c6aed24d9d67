// Start-up benchmark (issue 18.4, issue 20.1): the wall time of `verity check` answering a stored question,
// and of `verity serve` until it says it is serving and until `GET /` answers, on two stores: a small one
// (one tiny document) and one holding a real library with a backlog (the SciFact corpus, 5,183 abstracts,
// and N SciFact claims queued, as a restart after N submissions finds it; each start on a fresh copy). This
// tree and a baseline commit (exported and built in a temp folder, sharing this checkout's node_modules) run
// alternately in one run, so that the machine's load falls on both alike; Node's own start is measured beside
// them. Each build seeds its own stores with its own `verity ingest`, so either may have migrations the
// other lacks.
// Usage: npm run build && npm run bench:startup -- --baseline REV [--runs 15] [--queued 300] [--data-dir ../shared/datasets]
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { normalizeForMatch } from "../src/domain/text.js";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    runs: { type: "string", default: "15" },
    queued: { type: "string", default: "300" },
    "data-dir": { type: "string", default: "../shared/datasets" },
  },
});
if (!values.baseline) throw new Error("--baseline REV: the commit to compare with");
const RUNS = Number(values.runs);
const QUEUED = Number(values.queued);
const QUESTION = "Does coffee cause cancer?";
const ROOT = process.cwd();
const DATASETS = path.resolve(values["data-dir"]!);
const rev = execFileSync("git", ["rev-parse", "--short", values.baseline]).toString().trim();
const dir = await mkdtemp(path.join(os.tmpdir(), "verity-startup-"));
const builds = { baseline: await buildCommit(rev, path.join(dir, "baseline")), "this tree": path.resolve("bin/verity.js") };
type Build = keyof typeof builds;
const BUILDS = Object.keys(builds) as Build[];

/** The commit's `verity` built in `root` (its bin/verity.js), with this checkout's node_modules. */
async function buildCommit(commit: string, root: string): Promise<string> {
  execFileSync("mkdir", ["-p", root]);
  const files = "src bin package.json tsconfig.json tsconfig.build.json";
  execFileSync("sh", ["-c", `git archive ${JSON.stringify(commit)} ${files} | tar -x -C ${JSON.stringify(root)}`], { cwd: ROOT });
  await symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root });
  return path.join(root, "bin/verity.js");
}

/** The environment of a build's commands on a data directory (a serve stopped mid-check waits for it at most 1 s). */
const envOf = (dataDir: string) => ({
  PATH: process.env.PATH,
  VERITY_DATA_DIR: dataDir,
  VERITY_SOURCES: "library",
  VERITY_STOP_TIMEOUT: "1",
});

/** A command's wall time and, through /usr/bin/time, its CPU time (user + system: what other work on the machine barely changes). */
function run(bin: string, dataDir: string, ...args: string[]) {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, bin, ...args], {
    cwd: dir,
    env: envOf(dataDir),
    encoding: "utf8",
  });
  const ms = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function mustRun(bin: string, dataDir: string, ...args: string[]): void {
  const r = run(bin, dataDir, ...args);
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
}

interface Started {
  /** From spawning `verity serve` to its "serving on" line (the port accepts from then on). */
  serving: number;
  /** The CPU time (user + system, all its threads) serve had used by then: what other work on the machine barely changes. */
  servingCpu: number;
  /** … to the first answer of `GET /`. */
  home: number;
}

/** A process's CPU time so far, from /proc (Linux; NaN elsewhere), in ms. */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [utime, stime] = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .slice(11, 13)
      .map(Number);
    return ((utime! + stime!) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** Starts `verity serve` on `dataDir`, times it until it is serving and `GET /` answers, then stops it. */
function serveStart(bin: string, dataDir: string): Promise<Started> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, "serve", "--port", "0"], {
      cwd: dir,
      env: envOf(dataDir),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    let result: Started | null = null;
    let failure: unknown = null;
    child.stderr.on("data", (chunk: Buffer) => {
      const first = !/serving on/.test(err);
      err += chunk.toString();
      const url = /serving on (http:\/\/\S+?:\d+)/.exec(err)?.[1];
      if (!first || !url) return;
      const serving = performance.now() - started;
      const servingCpu = cpuMsOf(child.pid);
      fetch(`${url}/`)
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`GET / answered ${res.status}`);
          result = { serving, servingCpu, home: performance.now() - started };
        })
        .catch((error) => (failure = error))
        .finally(() => child.kill("SIGTERM"));
    });
    child.on("exit", () => (result ? resolve(result) : reject(new Error(`serve did not start: ${String(failure ?? "")} ${err}`))));
  });
}

function nodeStart(): number {
  const started = performance.now();
  spawnSync(process.execPath, ["-e", ""]);
  return performance.now() - started;
}

async function readJsonl<T>(file: string): Promise<T[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The SciFact corpus as `verity ingest` reads JSON Lines, and distinct claims of its train split to queue. */
async function scifact(): Promise<{ corpus: string; claims: string[] }> {
  const docs = await readJsonl<{ doc_id: number; title: string; abstract: string[] }>(path.join(DATASETS, "scifact/corpus.jsonl"));
  const corpus = path.join(dir, "scifact.jsonl");
  await writeFile(corpus, docs.map((d) => JSON.stringify({ id: `scifact-${d.doc_id}`, title: d.title, sentences: d.abstract })).join("\n"));
  const byKey = new Map<string, string>();
  for (const { claim } of await readJsonl<{ claim: string }>(path.join(DATASETS, "scifact/claims_train.jsonl")))
    if (!byKey.has(normalizeForMatch(claim))) byKey.set(normalizeForMatch(claim), claim);
  return { corpus, claims: [...byKey.values()].slice(0, QUEUED) };
}

/** A copy of a build's library store with the claims queued as jobs (the columns every schema since jobs began has). */
async function backlogCopy(template: string, claims: string[], copy: string): Promise<string> {
  await mkdir(copy, { recursive: true });
  await copyFile(path.join(template, "verity.sqlite"), path.join(copy, "verity.sqlite"));
  const sqlite = new SQLite(path.join(copy, "verity.sqlite"));
  try {
    const insert = sqlite.prepare(
      "INSERT INTO jobs (id, check_id, input, match_key, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)",
    );
    const start = Date.now();
    sqlite.transaction(() =>
      claims.forEach((claim, i) => {
        const at = new Date(start + i).toISOString();
        insert.run(randomUUID(), randomUUID(), claim, normalizeForMatch(claim), at, at);
      }),
    )();
  } finally {
    sqlite.close();
  }
  return copy;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const perBuild = (): Record<Build, number[]> => ({ baseline: [], "this tree": [] });

try {
  await writeFile(path.join(dir, "coffee.md"), "# Coffee and cancer\n\nLarge cohort studies found that coffee does not cause cancer.\n");
  const { corpus, claims } = await scifact();
  const small = {} as Record<Build, string>;
  const library = {} as Record<Build, string>;
  for (const build of BUILDS) {
    small[build] = path.join(dir, `small-${BUILDS.indexOf(build)}`);
    mustRun(builds[build], small[build], "ingest", "coffee.md");
    mustRun(builds[build], small[build], "check", QUESTION);
    console.error(`${build}: ingesting the SciFact corpus…`);
    library[build] = path.join(dir, `library-${BUILDS.indexOf(build)}`);
    mustRun(builds[build], library[build], "ingest", corpus);
  }
  const libraryMb = (await stat(path.join(library["this tree"], "verity.sqlite"))).size / 2 ** 20;
  const loadBefore = os.loadavg()[0]!;
  const check = perBuild();
  const checkCpu = perBuild();
  const serving = perBuild();
  const servingCpu = perBuild();
  const home = perBuild();
  const libraryServing = perBuild();
  const libraryServingCpu = perBuild();
  const libraryHome = perBuild();
  const node: number[] = [];
  let copies = 0;
  for (let i = 0; i < RUNS; i++) {
    // Alternate which build goes first, so neither always follows the other.
    const order: Build[] = i % 2 === 0 ? ["baseline", "this tree"] : ["this tree", "baseline"];
    node.push(nodeStart());
    for (const build of order) {
      const r = run(builds[build], small[build], "check", QUESTION);
      if (r.status !== 0 || !r.stdout.startsWith(`# ${QUESTION}`)) throw new Error(`${build}: check failed: ${r.stderr}`);
      check[build].push(r.ms);
      checkCpu[build].push(r.cpuMs);
    }
    for (const build of order) {
      const s = await serveStart(builds[build], small[build]);
      serving[build].push(s.serving);
      servingCpu[build].push(s.servingCpu);
      home[build].push(s.home);
    }
    for (const build of order) {
      const copy = await backlogCopy(library[build], claims, path.join(dir, `copy-${copies++}`));
      const s = await serveStart(builds[build], copy);
      libraryServing[build].push(s.serving);
      libraryServingCpu[build].push(s.servingCpu);
      libraryHome[build].push(s.home);
      await rm(copy, { recursive: true, force: true });
      console.error(`run ${i + 1}, ${build}: serving ${ms(s.serving)}, GET / ${ms(s.home)} (library and backlog)`);
    }
  }
  const row = (what: string, xs: Record<Build, number[]>) => {
    const [base, now] = [quantile(xs.baseline, 0.5), quantile(xs["this tree"], 0.5)];
    return `| ${what} | ${ms(base)} (p90 ${ms(quantile(xs.baseline, 0.9))}) | ${ms(now)} (p90 ${ms(quantile(xs["this tree"], 0.9))}) | ${(now / base).toFixed(2)} |`;
  };
  const cpu =
    /model name\s*:\s*(.*)/.exec(await readFile("/proc/cpuinfo", "utf8").catch(() => ""))?.[1] ?? os.cpus()[0]?.model ?? "unknown CPU";
  const report = [
    `| what (median of ${RUNS}, wall) | baseline ${rev} | this tree | ratio |`,
    "|---|---|---|---|",
    row("`verity check` of a stored question", check),
    row("same, CPU time (user + system)", checkCpu),
    row("`verity serve` until it is serving (small store)", serving),
    row("same, its CPU time until then", servingCpu),
    row("… until `GET /` answers", home),
    row(`\`verity serve\` until it is serving (SciFact library, ${QUEUED} checks queued)`, libraryServing),
    row("same, its CPU time until then", libraryServingCpu),
    row("… until `GET /` answers", libraryHome),
    `| Node's own start (\`node -e ""\`) | ${ms(quantile(node, 0.5))} | | |`,
    "",
    `Small store: one tiny document and one published check. Library: the SciFact corpus (5,183 abstracts, ` +
      `${Math.round(libraryMb)} MB with this tree's schema) with ${QUEUED} SciFact train claims queued, a fresh copy for each start; ` +
      `serve's worker process runs them once it is serving.`,
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu} (${os.availableParallelism()} cores), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadBefore.toFixed(1)} when it began, ` +
      `${os.loadavg()[0]!.toFixed(1)} at the end (other work shares the machine). ` +
      `\`npm run bench:startup -- --baseline ${values.baseline} --runs ${RUNS} --queued ${QUEUED}\`.`,
  ].join("\n");
  process.stdout.write(`${report}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
