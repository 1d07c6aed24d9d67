// Page benchmark (issue 18, point 1): Verity's server against a bare Hono app serving the same
// bytes, side by side in one run. A child process holds both servers (a store with a few real
// reports, checked by the local analyst over the test library); this process loads each page of
// each with autocannon for the same duration, one at a time, and writes bench/results/PAGES.md.
// Usage: node --import tsx bench/pages.ts [--duration 10] [--connections 50] [--label after] [--out FILE]
import { fork } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    label: { type: "string", default: "" },
    out: { type: "string", default: "bench/results/PAGES.md" },
    serve: { type: "boolean", default: false },
  },
});

const HEADER = `# Page rates against a bare Hono app

\`node --import tsx bench/pages.ts --label LABEL\` (issue 18, point 1). Each section is one run: Verity and a bare
Hono app serving the same bytes, loaded one after the other with the same settings.
`;

interface Target {
  name: string;
  path: string;
}

interface Ports {
  verity: number;
  bare: number;
  targets: Target[];
  bytes: Record<string, number>;
}

const QUESTIONS = [
  "Can local police refuse ICE detainer requests?",
  "Does coffee cause cancer?",
  "Is the Great Wall of China visible from space?",
];

/** The child: a Verity server over a small store, and a bare Hono app serving each page's bytes. */
async function serveBoth(): Promise<void> {
  const { serve } = await import("@hono/node-server");
  const { Hono } = await import("hono");
  const { libraryOnlyConfig } = await import("../src/service/config.js");
  const { openVerity } = await import("../src/service/verity.js");
  const { createServer } = await import("../src/server/app.js");
  const { LIBRARY } = await import("../test/fixtures/library-docs.js");

  const dir = await mkdtemp(path.join(os.tmpdir(), "verity-bench-pages-"));
  const verity = await openVerity(libraryOnlyConfig(dir));
  await verity.library.upsertMany(LIBRARY);
  const reports = [];
  for (const question of QUESTIONS) reports.push((await verity.service.check(question)).report);
  const app = createServer(verity, { startJobs: false });
  const report = reports[0]!;
  // A read of each, written, so the home page's "most read" is there from the start.
  for (const r of reports) await app.request(r.url);
  await app.services.reads.flush();
  const targets: Target[] = [
    { name: "report page", path: report.url },
    { name: "home page", path: "/" },
    { name: "archive page", path: "/checks" },
    { name: "GET /api/checks/{id}", path: `/api/checks/${report.id}` },
  ];

  // The same bytes and content type, served by the framework alone.
  const bare = new Hono();
  const bytes: Record<string, number> = {};
  for (const target of targets) {
    const res = await app.request(target.path);
    if (res.status !== 200) throw new Error(`${target.path}: ${res.status}`);
    const body = await res.text();
    const type = res.headers.get("content-type") ?? "text/html; charset=UTF-8";
    bytes[target.path] = Buffer.byteLength(body);
    bare.get(target.path, (c) => c.body(body, 200, { "content-type": type }));
  }

  const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
    new Promise<number>((resolve) => {
      serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
    });
  const ports: Ports = { verity: await listen(app.fetch), bare: await listen(bare.fetch), targets, bytes };
  process.send!(ports);
  process.on("message", async () => {
    await app.close({ timeoutMs: 0 });
    await verity.close();
    await rm(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, seconds: number, connections: number): Promise<Measured> {
  const { default: autocannon } = await import("autocannon");
  const result = await autocannon({ url, duration: seconds, connections });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main(): Promise<void> {
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once("message", (m) => resolve(m as Ports));
    child.once("exit", (code) => reject(new Error(`the servers exited (${code})`)));
  });
  const rows: string[] = [];
  try {
    for (const target of ports.targets) {
      // Warm both (first renders, JIT) before measuring.
      await load(`http://127.0.0.1:${ports.verity}${target.path}`, 2, connections);
      await load(`http://127.0.0.1:${ports.bare}${target.path}`, 2, connections);
      const verity = await load(`http://127.0.0.1:${ports.verity}${target.path}`, seconds, connections);
      const bare = await load(`http://127.0.0.1:${ports.bare}${target.path}`, seconds, connections);
      const ratio = bare.rps > 0 ? (100 * verity.rps) / bare.rps : 0;
      const kb = (ports.bytes[target.path]! / 1024).toFixed(1);
      const row = `| ${target.name} (${kb} KB) | ${Math.round(verity.rps)} | ${verity.p50} / ${verity.p99} | ${verity.errors + verity.non2xx} | ${Math.round(bare.rps)} | ${bare.p50} / ${bare.p99} | ${ratio.toFixed(1)}% |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    child.send("stop");
  }
  const { execSync } = await import("node:child_process");
  const cpu = (execSync("grep -m1 'model name' /proc/cpuinfo").toString().split(":")[1] ?? "").trim();
  const label = values.label || "run";
  const section = `## ${label}: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC

Machine: ${os.cpus().length} cores (\`nproc\` ${execSync("nproc").toString().trim()}), ${cpu}; Node ${process.version}.
autocannon, ${connections} connections, ${seconds} s per page and server (after 2 s of warm-up each), one page at a time.

| page | Verity req/s | Verity p50 / p99 ms | errors | bare Hono req/s | bare p50 / p99 ms | Verity / bare |
|---|---|---|---|---|---|---|
${rows.join("\n")}
`;
  // Earlier runs under other labels stay (the "before" of a change, say); a run replaces its own label's.
  const earlier = (await readFile(values.out!, "utf8").catch(() => HEADER))
    .split(/\n(?=## )/)
    .filter((part, i) => i > 0 && !part.startsWith(`## ${label}:`));
  await writeFile(values.out!, [HEADER.trimEnd(), ...earlier.map((part) => part.trimEnd()), section].join("\n\n"));
  console.log(`wrote ${values.out}`);
}

if (values.serve) await serveBoth();
else await main();
