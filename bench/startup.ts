// Start-up benchmark (issue 18.4): the wall time of `verity check` answering a stored question and of
// `verity serve` until it says it is serving, for this tree and for a baseline commit (exported and
// built in a temp folder, sharing this checkout's node_modules), run alternately in one run so that
// the machine's load falls on both alike; Node's own start (`node -e ""`) is measured beside them.
// Usage: npm run build && npm run bench:startup -- --baseline REV [--runs 15]
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { baseline: { type: "string" }, runs: { type: "string", default: "15" } } });
if (!values.baseline) throw new Error("--baseline REV: the commit to compare with");
const RUNS = Number(values.runs);
const QUESTION = "Does coffee cause cancer?";
const ROOT = process.cwd();
const rev = execFileSync("git", ["rev-parse", "--short", values.baseline]).toString().trim();
const dir = await mkdtemp(path.join(os.tmpdir(), "verity-startup-"));
const builds = { baseline: await buildCommit(rev, path.join(dir, "baseline")), "this tree": path.resolve("bin/verity.js") };
type Build = keyof typeof builds;
// Each build gets its own store, seeded by itself: a newer tree's migrations would make an older build refuse the file.
const env = (build: Build) => ({
  PATH: process.env.PATH,
  VERITY_DATA_DIR: path.join(dir, `data-${build.replace(" ", "-")}`),
  VERITY_SOURCES: "library",
});

/** The commit's `verity` built in `root` (its bin/verity.js), with this checkout's node_modules. */
async function buildCommit(commit: string, root: string): Promise<string> {
  execFileSync("mkdir", ["-p", root]);
  const files = "src bin package.json tsconfig.json tsconfig.build.json";
  execFileSync("sh", ["-c", `git archive ${JSON.stringify(commit)} ${files} | tar -x -C ${JSON.stringify(root)}`], { cwd: ROOT });
  await symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root });
  return path.join(root, "bin/verity.js");
}

/** A command's wall time and, through /usr/bin/time, its CPU time (user + system: what other work on the machine barely changes). */
function run(build: Build, ...args: string[]): { ms: number; cpuMs: number; stdout: string; status: number | null; stderr: string } {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "cpu %U %S", process.execPath, builds[build], ...args], {
    cwd: dir,
    env: env(build),
    encoding: "utf8",
  });
  const ms = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Milliseconds from spawning `verity serve` to its "serving on" line; then it is stopped. */
function serveReady(build: Build): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [builds[build], "serve", "--port", "0"], {
      cwd: dir,
      env: env(build),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    let ready = 0;
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
      if (!ready && err.includes("serving on")) {
        ready = performance.now() - started;
        child.kill("SIGTERM");
      }
    });
    child.on("exit", () => (ready ? resolve(ready) : reject(new Error(`serve did not start: ${err}`))));
  });
}

function nodeStart(): number {
  const started = performance.now();
  spawnSync(process.execPath, ["-e", ""]);
  return performance.now() - started;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${Math.round(x)} ms`;

try {
  await writeFile(path.join(dir, "coffee.md"), "# Coffee and cancer\n\nLarge cohort studies found that coffee does not cause cancer.\n");
  for (const build of Object.keys(builds) as Build[]) {
    for (const [what, r] of [
      ["ingest", run(build, "ingest", "coffee.md")],
      ["check", run(build, "check", QUESTION)],
    ] as const) {
      if (r.status !== 0) throw new Error(`${build}: ${what} failed: ${r.stderr}`);
    }
  }
  const loadBefore = os.loadavg()[0]!;
  const check: Record<Build, number[]> = { baseline: [], "this tree": [] };
  const checkCpu: Record<Build, number[]> = { baseline: [], "this tree": [] };
  const serve: Record<Build, number[]> = { baseline: [], "this tree": [] };
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which build goes first, so neither always follows the other.
    const order: Build[] = i % 2 === 0 ? ["baseline", "this tree"] : ["this tree", "baseline"];
    node.push(nodeStart());
    for (const build of order) {
      const r = run(build, "check", QUESTION);
      if (r.status !== 0 || !r.stdout.startsWith(`# ${QUESTION}`)) throw new Error(`${build}: check failed: ${r.stderr}`);
      check[build].push(r.ms);
      checkCpu[build].push(r.cpuMs);
    }
    for (const build of order) serve[build].push(await serveReady(build));
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
    row("`verity serve` until it is serving", serve),
    `| Node's own start (\`node -e ""\`) | ${ms(quantile(node, 0.5))} | | |`,
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu} (${os.availableParallelism()} cores), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadBefore.toFixed(1)} when it began, ` +
      `${os.loadavg()[0]!.toFixed(1)} at the end (other work shares the machine). ` +
      `\`npm run bench:startup -- --baseline ${values.baseline} --runs ${RUNS}\`.`,
  ].join("\n");
  process.stdout.write(`${report}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
