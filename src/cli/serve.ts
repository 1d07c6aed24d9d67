// `verity serve` (what `npm start` runs): the website and API on the embedded defaults, and a
// worker process that runs the checks (none with --no-worker: then `verity worker` runs them).
// The port is open as soon as the store is: this process loads only the website (its checks run in
// the worker, which loads what runs them), and the store is opened and checked while the website's
// modules load. SIGTERM stops the worker (which hands unfinished checks back to the queue within its
// timeout) and exits.
import { openSite } from "../service/verity.js";
import type { Config } from "../service/config.js";
import { loadServerOptions } from "../server/options.js";
import { workerSettings } from "./worker.js";
import { startWorkerProcess, type WorkerProcess } from "./worker-process.js";

export async function runServeCommand(port: number, config: Config, opts: { worker: boolean }): Promise<number> {
  const options = loadServerOptions(config);
  const settings = workerSettings(config.env);
  const [verity, { createServer }, { serve }] = await Promise.all([
    openSite(config),
    import("../server/app.js"),
    import("@hono/node-server"),
  ]);
  const app = createServer(verity, { ...options, runChecks: false, startJobs: false });
  // A database `verity migrate` has not set up for jobs (pg-boss) is refused here, in one line.
  await app.queue.start().catch(async (error) => {
    await app.close({ timeoutMs: 0 }).catch(() => {});
    await verity.close();
    throw error;
  });
  let worker: WorkerProcess | null = null;
  let stopping = false;
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1" }, (info) => {
    // Once the port is open: the worker's start-up (loading the analyst) never delays the first page.
    if (opts.worker && !stopping) worker = startWorkerProcess({ stopTimeoutMs: settings.stopTimeoutMs });
    const checks = opts.worker
      ? `checks run in a worker process, ${settings.concurrency} at a time`
      : "checks run in `verity worker` processes";
    process.stderr.write(
      `Verity is serving on http://${info.address}:${info.port} (data in ${config.dataDir}; ${checks}` +
        `${options.adminToken ? "; admin area on" : ""})\n`,
    );
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void (async () => {
      await worker?.stop();
      await app.close({ timeoutMs: 0 });
      await verity.close();
    })()
      .catch((error) => console.error("verity:", error))
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}
