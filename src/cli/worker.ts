// `verity worker`: runs checks from the job queue until SIGTERM or SIGINT. On a signal it takes no
// more jobs, lets the running ones finish for up to VERITY_STOP_TIMEOUT seconds (10 by default),
// hands the unfinished ones back to the queue, and exits.
import { ConfigError } from "../domain/errors.js";
import type { Config } from "../service/config.js";
import { openVerity } from "../service/verity.js";
import { dispatchSettings, envSeconds, type DispatchSettings } from "../jobs/dispatch.js";
import { openWorker } from "../jobs/worker.js";

export interface WorkerSettings {
  concurrency: number;
  /** How long running checks may finish after a stop signal. */
  stopTimeoutMs: number;
  /** How jobs reach the worker: VERITY_JOB_LEASE (SQLite) and VERITY_JOB_EXPIRY (PostgreSQL). */
  dispatch: Partial<DispatchSettings>;
}

/** The worker's settings from the environment (and `--concurrency`). */
export function workerSettings(env: Record<string, string>, concurrency?: string): WorkerSettings {
  const rawConcurrency = (concurrency ?? env.VERITY_CONCURRENCY ?? "2").trim();
  const n = Number(rawConcurrency);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigError(`the concurrency must be a whole number from 1 to 64 (got "${rawConcurrency.slice(0, 40)}")`);
  return { concurrency: n, stopTimeoutMs: envSeconds(env, "VERITY_STOP_TIMEOUT", 10_000), dispatch: dispatchSettings(env) };
}

export async function runWorkerCommand(opts: { concurrency?: string }, config: Config): Promise<number> {
  const settings = workerSettings(config.env, opts.concurrency);
  const verity = await openVerity(config);
  const worker = openWorker(verity, { concurrency: settings.concurrency, dispatch: settings.dispatch, holdProcess: true });
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
  try {
    await worker.start();
  } catch (error) {
    await worker.stop({ timeoutMs: 0 });
    await verity.close();
    throw error;
  }
  process.stderr.write(`Verity worker is taking checks (${settings.concurrency} at a time; data in ${config.dataDir})\n`);
  await stopped;
  await verity.close();
  return 0;
}
