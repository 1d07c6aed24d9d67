// A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, a server listening only on a
// Unix socket in that folder (no port to collide with), a fresh database per caller, and the whole cluster
// stopped and deleted when the test process exits. Without PostgreSQL on the machine the tests that need it
// are skipped with POSTGRES_SKIP's reason (in CI, where .ci/run installs it, its absence is an error).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** The folder holding initdb, pg_ctl and postgres: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
function findBinaries(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(debian, v, "bin", "initdb"))) return path.join(debian, v, "bin");
  return null;
}

/** initdb refuses to run as root: as root the cluster belongs to the `postgres` user (which Debian's package creates). */
function clusterOwner(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  const out = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (out.status !== 0) return { uid: -1, gid: -1, name: "" };
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()), name: "postgres" };
}

const BIN = findBinaries();
const OWNER = clusterOwner();

function skipReason(): string | false {
  if (!BIN) return "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin)";
  if (OWNER && OWNER.uid < 0) return "running as root and there is no `postgres` user to own a test cluster";
  return false;
}

/** Why the PostgreSQL tests are skipped on this machine, or false when they run. */
export const POSTGRES_SKIP: string | false = skipReason();
if (POSTGRES_SKIP && process.env.CI) throw new Error(`CI needs PostgreSQL: ${POSTGRES_SKIP}`);

interface Cluster {
  socketDir: string;
  admin: pg.Pool;
}

let cluster: Promise<Cluster> | null = null;

function run(binary: string, args: string[]): void {
  const file = path.join(BIN!, binary);
  if (OWNER) execFileSync("runuser", ["-u", OWNER.name, "--", file, ...args], { stdio: "pipe" });
  else execFileSync(file, args, { stdio: "pipe" });
}

function startCluster(): Cluster {
  const root = mkdtempSync(path.join(os.tmpdir(), "verity-pg-"));
  if (OWNER) chownSync(root, OWNER.uid, OWNER.gid);
  const data = path.join(root, "data");
  const stop = () => {
    spawnSync(OWNER ? "runuser" : path.join(BIN!, "pg_ctl"), [
      ...(OWNER ? ["-u", OWNER.name, "--", path.join(BIN!, "pg_ctl")] : []),
      "stop",
      "-D",
      data,
      "-m",
      "immediate",
    ]);
    rmSync(root, { recursive: true, force: true });
  };
  process.once("exit", stop);
  try {
    // Byte-order collation (C), as SQLite compares text; fsync off: a throwaway cluster need not survive a crash.
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    const options = `-c listen_addresses= -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run("pg_ctl", ["start", "-w", "-t", "60", "-D", data, "-l", path.join(root, "server.log"), "-o", options]);
  } catch (error) {
    stop();
    process.removeListener("exit", stop);
    throw error;
  }
  return { socketDir: root, admin: new pg.Pool({ host: root, user: "postgres", database: "postgres", max: 1, allowExitOnIdle: true }) };
}

function urlOf(c: Cluster, database: string): string {
  return `postgres://postgres@localhost/${database}?host=${encodeURIComponent(c.socketDir)}`;
}

/** A new, empty database on this process's cluster (started on first use), as a DATABASE_URL. */
export async function freshDatabase(): Promise<string> {
  if (POSTGRES_SKIP) throw new Error(POSTGRES_SKIP);
  cluster ??= Promise.resolve().then(startCluster);
  const c = await cluster;
  const name = `verity_${randomBytes(6).toString("hex")}`;
  await c.admin.query(`CREATE DATABASE ${name}`);
  return urlOf(c, name);
}
