// Ingest benchmark: a JSON Lines library made of SciFact's real sentences (recombined with a fixed
// seed by bench/library-generator.ts, written under the system's temp folder, never committed) is
// ingested through the normal path (`ingest` of the service), each run in its own process so its peak
// memory is its own. With `--baseline REV` the same files are ingested by that commit's code too (its
// src/ exported to a temp folder), side by side in one run. Each library is ingested as parts under
// 50 MB (what every version reads) and as one file. Reports passages/s and peak RSS; `--out` writes them as Markdown.
// Usage: node --import tsx bench/ingest.ts [--sizes 50000,250000] [--baseline 884bdbd] [--out bench/results/INGEST.md]
//        [--data-dir ../shared/datasets]
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { exportCommit } from "./baseline.js";
import { closeStream, recombined, sentencePool, writeLibrary, writeTo } from "./library-generator.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Each file of a library as parts: under the 50 MB limit of the code before JSON Lines were streamed. */
const PART_BYTES = 40 * 1024 * 1024;

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string", default: "../shared/datasets" },
    sizes: { type: "string", default: "50000,250000" },
    baseline: { type: "string" },
    out: { type: "string" },
    // Internal: one measured run in a child process.
    run: { type: "string" },
    file: { type: "string" },
  },
});

interface RunResult {
  seconds: number;
  /** User and system CPU time of the ingest: less sensitive than wall time to other work on the machine. */
  cpuSeconds: number;
  documents: number;
  passages: number;
  failed: number;
  /** Resident memory once the store is open (what every run pays before reading a line). */
  openRssMb: number;
  peakRssMb: number;
  databaseMb: number;
}

if (values.run) {
  process.stdout.write(JSON.stringify(await measure(values.run, values.file!)) + "\n");
} else {
  await main();
}

/** In a child: ingest one file with the code under `root` into a fresh data folder. */
async function measure(root: string, file: string): Promise<RunResult> {
  const src = (module: string) => pathToFileURL(path.join(root, "src", module)).href;
  const { libraryOnlyConfig } = await import(src("service/config.js"));
  const { openVerity } = await import(src("service/verity.js"));
  const { ingest } = await import(src("service/ingest.js"));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "verity-bench-ingest-db-"));
  try {
    const verity = await openVerity(libraryOnlyConfig(dataDir));
    const openRssMb = Math.round(process.memoryUsage().rss / (1024 * 1024));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = await ingest(verity, [file]);
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const counts = await verity.library.count();
    await verity.close();
    let databaseBytes = 0;
    for (const suffix of ["", "-wal"])
      databaseBytes += (await stat(path.join(dataDir, `verity.sqlite${suffix}`)).catch(() => null))?.size ?? 0;
    return {
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      documents: counts.documents,
      passages: counts.passages,
      failed: summary.failed.length,
      openRssMb,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      databaseMb: Math.round(databaseBytes / (1024 * 1024)),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * A library of about `passages` passages, documents of 4 to 24 SciFact sentences drawn at random,
 * written twice: as one file, and as a folder of parts of at most 40 MB.
 */
async function generate(
  datasets: string,
  passages: number,
  file: string,
  folder: string,
): Promise<{ documents: number; passages: number; bytes: number }> {
  await mkdir(folder, { recursive: true });
  const whole = createWriteStream(file);
  const part = { out: null as WriteStream | null, count: 0, bytes: 0 };
  const documents = recombined(await sentencePool(datasets), { prefix: "bench-", lengthFirst: true });
  const made = await writeLibrary(documents, passages, async (line) => {
    const bytes = Buffer.byteLength(line);
    if (!part.out || part.bytes + bytes > PART_BYTES) {
      if (part.out) await closeStream(part.out);
      part.out = createWriteStream(path.join(folder, `part-${String(part.count++).padStart(3, "0")}.jsonl`));
      part.bytes = 0;
    }
    part.bytes += bytes;
    await writeTo(part.out, line);
    await writeTo(whole, line);
  });
  if (part.out) await closeStream(part.out);
  await closeStream(whole);
  return { ...made, bytes: (await stat(file)).size };
}

function runChild(root: string, file: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--run", root, "--file", file], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`run exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const datasets = path.resolve(values["data-dir"]!);
  const sizes = values.sizes!.split(",").map(Number);
  const work = await mkdtemp(path.join(os.tmpdir(), "verity-bench-ingest-"));
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "src"], { cwd: ROOT }).toString().trim() ? "+changes" : "";
    const codes: { name: string; root: string }[] = [];
    if (values.baseline) {
      const rev = execFileSync("git", ["rev-parse", "--short", values.baseline], { cwd: ROOT }).toString().trim();
      codes.push({ name: `baseline ${rev}`, root: await exportCommit(values.baseline, work) });
    }
    codes.push({ name: `this checkout ${head}${dirty}`, root: ROOT });

    const rows: string[] = [];
    const load = os.loadavg()[0]!.toFixed(1);
    for (const size of sizes) {
      const file = path.join(work, `library-${size}.jsonl`);
      const folder = path.join(work, `library-${size}`);
      const made = await generate(datasets, size, file, folder);
      const mb = (made.bytes / (1024 * 1024)).toFixed(1);
      const library = `${made.passages.toLocaleString("en")} passages (${made.documents.toLocaleString("en")} documents, ${mb} MB)`;
      console.error(`library: ${library}`);
      // The same library as parts under 50 MB (what every version can read), then as one file.
      const inputs = [
        { name: "parts of at most 40 MB", path: folder },
        { name: "one file", path: file },
      ];
      for (const input of inputs) {
        for (const code of codes) {
          const r = await runChild(code.root, input.path);
          const cells = [library, input.name, code.name];
          if (r.documents === 0) {
            console.error(`  ${input.name}, ${code.name}: nothing ingested (${r.failed} failed)`);
            rows.push(`| ${cells.join(" | ")} | refused (${r.failed} failed: the file is over its 50 MB limit) | | | | | |`);
            continue;
          }
          const rate = Math.round(r.passages / r.seconds);
          const cpuRate = Math.round(r.passages / r.cpuSeconds);
          console.error(
            `  ${input.name}, ${code.name}: ${r.seconds.toFixed(1)} s, ${rate} passages/s (${cpuRate} per CPU second), ` +
              `peak RSS ${r.peakRssMb} MB (${r.openRssMb} MB once open), failed ${r.failed}`,
          );
          rows.push(
            `| ${cells.join(" | ")} | ${r.seconds.toFixed(1)} s | ${rate.toLocaleString("en")} | ${cpuRate.toLocaleString("en")} | ` +
              `${r.peakRssMb} MB | ${r.openRssMb} MB | ${r.databaseMb} MB |`,
          );
        }
      }
      await rm(folder, { recursive: true, force: true });
      await rm(file, { force: true });
    }
    const cpu =
      /model name\s*:\s*(.*)/.exec(await readFile("/proc/cpuinfo", "utf8").catch(() => ""))?.[1] ?? os.cpus()[0]?.model ?? "unknown CPU";
    const table = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.availableParallelism()} cores, nproc), ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform} ${process.arch}, with ` +
        `\`node --import tsx bench/ingest.ts --sizes ${values.sizes}${values.baseline ? ` --baseline ${values.baseline}` : ""}\`; ` +
        `load average ${load} when it began (${os.loadavg()[0]!.toFixed(1)} at the end: other work shares the machine).`,
      "",
      "Each run is its own process (`ingest` of the service into a fresh data folder). passages/s is over wall time; per CPU",
      "second over the process's user and system time during the ingest. RSS once open is the process after opening the",
      "store, before reading a line (the modules every command loads).",
      "",
      "| library | as | code | ingest time | passages/s | passages per CPU s | peak RSS | RSS once open | database |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows,
    ].join("\n");
    console.log(table);
    if (values.out) await writeFile(values.out, `# Ingest speed (JSON Lines)\n\n${table}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
