// `verity worker`: runs checks from the job queue until SIGTERM or SIGINT. On a signal it takes no
// more jobs, lets the running ones finish for up to VERITY_STOP_TIMEOUT seconds (10 by default),
// hands the unfinished ones back to the queue, and exits.
import { ConfigError } from "../domain/errors.js";
import type { Config } from "../service/config.js";
import { openVerity } from "../service/verity.js";
import { openWorker } from "../jobs/worker.js";

export interface WorkerSettings {
  concurrency: number;
  /** How long running checks may finish after a stop signal. */
  stopTimeoutMs: number;
  /** How long a job stays a worker's without a renewal (VERITY_JOB_LEASE seconds, 30 by default). */
  leaseMs: number;
}

/** The worker's settings from the environment (and `--concurrency`). */
export function workerSettings(env: Record<string, string>, concurrency?: string): WorkerSettings {
  const seconds = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 86_400)
      throw new ConfigError(`${name} must be a number of seconds (got "${raw.slice(0, 40)}")`);
    return n * 1000;
  };
  const rawConcurrency = (concurrency ?? env.VERITY_CONCURRENCY ?? "2").trim();
  const n = Number(rawConcurrency);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigError(`the concurrency must be a whole number from 1 to 64 (got "${rawConcurrency.slice(0, 40)}")`);
  return { concurrency: n, stopTimeoutMs: seconds("VERITY_STOP_TIMEOUT", 10), leaseMs: Math.max(1000, seconds("VERITY_JOB_LEASE", 30)) };
}

export async function runWorkerCommand(opts: { concurrency?: string }, config: Config): Promise<number> {
  const settings = workerSettings(config.env, opts.concurrency);
  const verity = await openVerity(config);
  const worker = openWorker(verity, { concurrency: settings.concurrency, leaseMs: settings.leaseMs, holdProcess: true });
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`verity worker: ${signal}: taking no more checks\n`);
      worker
        .stop({ timeoutMs: settings.stopTimeoutMs })
        .then((handedBack) => {
          if (handedBack > 0) process.stderr.write(`verity worker: ${handedBack} unfinished check(s) handed back to the queue\n`);
        })
        .catch((error) => console.error("verity worker:", error))
        .finally(resolve);
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  await worker.start();
  process.stderr.write(`Verity worker is taking checks (${settings.concurrency} at a time; data in ${config.dataDir})\n`);
  await stopped;
  await verity.close();
  return 0;
}
